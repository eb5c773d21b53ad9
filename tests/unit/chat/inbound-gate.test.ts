import { describe, expect, it } from 'vitest';
import { checkInbound, createInboundPolicy } from '../../../bot/chat/inbound-gate.js';

function activity(channelId: unknown, channelDataTenant?: unknown, conversationTenant?: unknown) {
  return {
    type: 'message',
    channelId,
    conversation: { id: 'c', ...(conversationTenant !== undefined ? { tenantId: conversationTenant } : {}) },
    channelData: channelDataTenant !== undefined ? { tenant: { id: channelDataTenant } } : {},
  };
}

const authOn = createInboundPolicy({ authEnabled: true, tenants: ['Tenant-A', ' tenant-b '] });
const authOffWithTenant = createInboundPolicy({ authEnabled: false, tenants: ['tenant-a'] });
const authOffNoTenant = createInboundPolicy({ authEnabled: false, tenants: [] });
const authOnNoTenant = createInboundPolicy({ authEnabled: true, tenants: [] });

describe('checkInbound (attack table)', () => {
  it.each([
    ['home tenant in both places', authOn, activity('msteams', 'tenant-a', 'tenant-a'), true],
    ['tenant id case differs (GUIDs)', authOn, activity('msteams', 'TENANT-A', 'tenant-a'), true],
    ['extra allowed tenant', authOn, activity('msteams', 'tenant-b'), true],
    ['only conversation.tenantId', authOn, activity('msteams', undefined, 'tenant-a'), true],
    ['another tenant', authOn, activity('msteams', 'evil', 'evil'), 'tenant-not-allowed'],
    [
      'tenants disagree (allowed one first)',
      authOn,
      activity('msteams', 'tenant-a', 'evil'),
      'tenant-mismatch',
    ],
    [
      'tenants disagree (allowed one second)',
      authOn,
      activity('msteams', 'evil', 'tenant-a'),
      'tenant-mismatch',
    ],
    ['no tenant', authOn, activity('msteams'), 'tenant-missing'],
    ['tenant not a string', authOn, activity('msteams', { id: 'tenant-a' }), 'tenant-missing'],
    ['blank tenant', authOn, activity('msteams', '  '), 'tenant-missing'],
    ['prefix of an allowed tenant', authOn, activity('msteams', 'tenant-'), 'tenant-not-allowed'],
    ['allowed tenant plus suffix', authOn, activity('msteams', 'tenant-a,evil'), 'tenant-not-allowed'],
    ['Web Chat', authOn, activity('webchat', 'tenant-a'), 'channel-not-supported'],
    ['Emulator with auth on', authOn, activity('emulator', 'tenant-a'), 'channel-not-supported'],
    [
      'AseChannel (fixed key URLs in botbuilder)',
      authOn,
      activity('AseChannel', 'tenant-a'),
      'channel-not-supported',
    ],
    ['no channel', authOn, activity(undefined, 'tenant-a'), 'channel-not-supported'],
    ['channel not a string', authOn, activity(['msteams'], 'tenant-a'), 'channel-not-supported'],
    ['MSTEAMS upper case', authOn, activity('MSTEAMS', 'tenant-a'), true],
    ['auth on, no tenant configured', authOnNoTenant, activity('msteams', 'tenant-a'), 'tenant-not-allowed'],
    ['auth off, configured tenant', authOffWithTenant, activity('msteams', 'tenant-a'), true],
    ['auth off, other tenant', authOffWithTenant, activity('msteams', 'evil'), 'tenant-not-allowed'],
    ['auth off, Emulator', authOffWithTenant, activity('emulator', 'tenant-a'), true],
    ['auth off, no tenant configured, any tenant', authOffNoTenant, activity('msteams', 'anything'), true],
    ['auth off, no tenant configured, none sent', authOffNoTenant, activity('emulator'), true],
    [
      'auth off, no tenant configured, disagreeing',
      authOffNoTenant,
      activity('msteams', 'a', 'b'),
      'tenant-mismatch',
    ],
    ['auth off, Direct Line', authOffNoTenant, activity('directline'), 'channel-not-supported'],
  ])('%s', (_name, policy, input, expected) => {
    const decision = checkInbound(input, policy);
    if (expected === true) expect(decision).toEqual({ ok: true });
    else expect(decision).toMatchObject({ ok: false, refusal: { reason: expected } });
  });

  it('clips and sanitises the claimed ids it reports', () => {
    const decision = checkInbound(activity('msteams', `evil\n${'x'.repeat(500)}`), authOn);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal.tenantId).toMatch(/^evil\?x+…$/);
    expect(decision.refusal.tenantId!.length).toBeLessThanOrEqual(101);
  });

  it('survives non-object activities', () => {
    for (const input of [null, 42, 'x', [], { channelData: null, conversation: 'c' }]) {
      expect(checkInbound(input, authOn).ok).toBe(false);
    }
  });
});
