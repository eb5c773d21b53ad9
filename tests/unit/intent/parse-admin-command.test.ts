import { describe, expect, it } from 'vitest';
import { ADMIN_USAGE } from '../../../bot/intent/examples.js';
import { parseMessage } from '../../../bot/intent/parse-message.js';

const ADA = { id: '29:ada', name: 'Ada Lovelace', text: '<at>Ada Lovelace</at>' };
const ADA_TWIN = { id: '29:ada-2', name: 'Ada Lovelace', text: '<at>Ada Lovelace</at>' };

describe('admin commands', () => {
  it('matches mentions whose names carry an ampersand (the edge decoded text and tag once)', () => {
    const mention = { id: '29:mo', name: 'Mo & Co', text: '<at>Mo & Co</at>' };
    expect(parseMessage('/confluence admins add <at>Mo & Co</at>', [mention])).toEqual({
      kind: 'admin',
      command: { kind: 'admins', action: 'add', user: { kind: 'mention', id: '29:mo', name: 'Mo & Co' } },
    });
  });

  it('pairs repeated names with mentions in order', () => {
    const intent = parseMessage('/confluence approvers remove <at>Ada Lovelace</at>', [ADA, ADA_TWIN]);
    expect(intent).toMatchObject({ command: { user: { id: '29:ada' } } });
  });

  it('ignores a leftover bot mention before the command', () => {
    expect(
      parseMessage('<at>Confluence Assistant</at> /confluence approvers add <at>Ada Lovelace</at>', [ADA]),
    ).toMatchObject({
      kind: 'admin',
      command: { kind: 'approvers', action: 'add', user: { kind: 'mention', id: '29:ada' } },
    });
  });

  it('accepts a raw user id', () => {
    expect(
      parseMessage('/confluence approvers add 8:orgid:4f1c2d3e-aaaa-bbbb-cccc-1234567890ab'),
    ).toMatchObject({
      command: { user: { kind: 'id', id: '8:orgid:4f1c2d3e-aaaa-bbbb-cccc-1234567890ab' } },
    });
  });

  it.each([
    ['/confluence spaces add *', { kind: 'spaces', action: 'add', spaceKey: '*' }],
    ['/confluence spaces add ~jdoe', { kind: 'spaces', action: 'add', spaceKey: '~jdoe' }],
    ['/confluence spaces delete eng', { kind: 'spaces', action: 'remove', spaceKey: 'ENG' }],
    ['/confluence policy explain get ~jdoe', { kind: 'policy-explain', operation: 'get', spaceKey: '~jdoe' }],
    [
      '/confluence policy update confirmation',
      { kind: 'policy-set', operation: 'update', permission: 'confirm' },
    ],
    ['/confluence audit export 25', { kind: 'audit', count: 25, export: true }],
    ['confluence status', { kind: 'status' }],
    ['/CONFLUENCE Approvals Here', { kind: 'approvals-here' }],
  ])('%s', (text, command) => {
    expect(parseMessage(text)).toEqual({ kind: 'admin', command });
  });

  it.each([
    ['/confluence policy delete allowed', 'policy'],
    ['/confluence spaces add EN G', 'spaces'],
    ['/confluence audit 99999', 'audit'],
    ['/confluence rotate two names', 'rotate'],
    ['/confluence test now', 'test'],
    ['/confluence approvers promote <at>Ada Lovelace</at>', 'approvers'],
  ] as const)('%s gives the usage of %s', (text, sub) => {
    expect(parseMessage(text, [ADA])).toMatchObject({ kind: 'admin-invalid', usage: ADMIN_USAGE[sub] });
  });

  it('suggests the closest sub-command for a typo', () => {
    const intent = parseMessage('/confluence aprovers');
    expect(intent.kind === 'admin-invalid' && intent.message).toContain('/confluence approvers');
  });

  it('never repeats a secret-looking argument', () => {
    const secret = 'Xk9mQ2vB7nR4tL8pW3zY6cJ5';
    const intent = parseMessage(`/confluence ${secret}`);
    expect(intent.kind).toBe('admin-invalid');
    expect(JSON.stringify(intent)).not.toContain(secret);
  });

  it('treats "confluence <words>" that are not a sub-command as user text', () => {
    expect(parseMessage('confluence pages about vpn')).toMatchObject({
      kind: 'operation',
      request: { operation: 'search' },
    });
  });
});
