import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../bot/domain/chat.js';
import { AppError } from '../../../bot/errors.js';
import { runAdminCommand } from '../../../bot/handlers/admin/run-admin-command.js';
import type { MessageTurn, TurnAuditFacts } from '../../../bot/handlers/turn.js';
import type { AdminCommand } from '../../../bot/intent/types.js';

/** A recording turn: who asks (admin or not), what was audited and replied, what was logged. */
function fakeTurn(options: { isAdmin: boolean; auditFails?: boolean; settingsThrow?: unknown }) {
  const audits: TurnAuditFacts[] = [];
  const replies: OutboundMessage[] = [];
  const logged: unknown[] = [];
  const turn = {
    deps: {
      logger: { error: (fields: unknown) => logged.push(fields) },
      settings: {
        getChannel: () => undefined,
        setChannelPermission: async () => {
          throw options.settingsThrow;
        },
      },
      config: { policy: {} },
    },
    conversation: { conversationId: 'c1', channelKey: 'c1', type: 'personal' },
    channel: () => ({ roles: { isAdmin: options.isAdmin }, connector: undefined }),
    audit: async (facts: TurnAuditFacts) => {
      if (options.auditFails) throw new AppError('AUDIT_UNAVAILABLE');
      audits.push(facts);
    },
    reply: async (message: OutboundMessage) => {
      replies.push(message);
      return undefined;
    },
  } as unknown as MessageTurn;
  return { turn, audits, replies, logged };
}

const SPACES_ADD: AdminCommand = { kind: 'spaces', action: 'add', spaceKey: 'LEGAL' };
const POLICY_SET: AdminCommand = { kind: 'policy-set', operation: 'create', permission: 'allowed' };

describe('the admin command dispatcher', () => {
  it('refuses a non-admin before any handler runs, audits the refusal once and answers with a notice', async () => {
    const { turn, audits, replies } = fakeTurn({ isAdmin: false });
    await runAdminCommand(turn, SPACES_ADD);
    expect(audits).toEqual([
      expect.objectContaining({
        operation: 'admin',
        decision: 'denied',
        outcome: 'denied',
        details: {
          command: 'spaces',
          subcommand: 'spaces add',
          args: { spaceKey: 'LEGAL' },
          code: 'ADMIN_ONLY',
        },
      }),
    ]);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0])).toContain('Admins only');
  });

  it('audits a handler that refuses with an answer of its own (test without a connector) and answers it', async () => {
    const { turn, audits, replies } = fakeTurn({ isAdmin: true });
    await runAdminCommand(turn, { kind: 'test' });
    expect(audits).toEqual([
      expect.objectContaining({
        decision: 'denied',
        outcome: 'denied',
        details: expect.objectContaining({ code: 'CONNECTOR_MISSING' }),
      }),
    ]);
    expect(JSON.stringify(replies[0])).toContain('No connector');
  });

  it('audits a refused command (an AppError) as denied and rethrows it for the caller to answer', async () => {
    const { turn, audits, replies } = fakeTurn({ isAdmin: true });
    await expect(runAdminCommand(turn, { kind: 'spaces' })).rejects.toMatchObject({
      code: 'CONNECTOR_MISSING',
    });
    expect(audits).toEqual([
      expect.objectContaining({
        decision: 'denied',
        outcome: 'denied',
        details: expect.objectContaining({ subcommand: 'spaces' }),
      }),
    ]);
    expect(replies).toEqual([]);
  });

  it('audits an unexpected failure as an error (code INTERNAL) and rethrows the original', async () => {
    const boom = new Error('disk on fire');
    const { turn, audits } = fakeTurn({ isAdmin: true, settingsThrow: boom });
    await expect(runAdminCommand(turn, POLICY_SET)).rejects.toBe(boom);
    expect(audits).toEqual([
      expect.objectContaining({
        decision: 'n/a',
        outcome: 'error',
        details: expect.objectContaining({ code: 'INTERNAL' }),
      }),
    ]);
  });

  it('logs (without throwing over it) a failure to audit a failed command', async () => {
    const boom = new Error('disk on fire');
    const { turn, logged } = fakeTurn({ isAdmin: true, settingsThrow: boom, auditFails: true });
    await expect(runAdminCommand(turn, POLICY_SET)).rejects.toBe(boom);
    expect(logged).toEqual([{ code: 'AUDIT_UNAVAILABLE', command: 'policy-set' }]);
  });
});
