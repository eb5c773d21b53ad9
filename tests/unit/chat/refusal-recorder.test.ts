import { Writable } from 'node:stream';
import sinon from 'sinon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../bot/audit/types.js';
import { createRefusalRecorder } from '../../../bot/chat/refusal-recorder.js';
import { createLogger } from '../../../bot/logger.js';

function setup(maxEntriesPerWindow = 3) {
  const events: AuditEventInput[] = [];
  const lines: string[] = [];
  let t = Date.parse('2026-01-01T00:00:00Z');
  const recorder = createRefusalRecorder({
    audit: {
      append: async (event) => {
        events.push(event);
        return {} as never;
      },
    },
    logger: createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _e, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    }),
    now: () => new Date(t),
    windowMs: 60_000,
    maxEntriesPerWindow,
  });
  return { recorder, events, lines, advance: (ms: number) => (t += ms) };
}

const refusal = (tenantId: string) => ({
  reason: 'tenant-not-allowed' as const,
  channelId: 'msteams',
  tenantId,
});

describe('createRefusalRecorder', () => {
  it('audits each kind once per window, at most N kinds, and summarises the rest', async () => {
    const { recorder, events, advance } = setup(3);
    for (let i = 0; i < 100; i += 1) recorder.refused(refusal(`t-${i % 5}`), { fromId: 'u' });
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      operation: 'inbound-refused',
      decision: 'denied',
      outcome: 'denied',
      actor: { id: 'u' },
      details: { reason: 'tenant-not-allowed', channelId: 'msteams', tenantId: 't-0' },
    });
    advance(60_000);
    recorder.refused(refusal('t-0'), {});
    expect(events).toHaveLength(5);
    expect(events[3]).toMatchObject({
      details: { summary: true, refused: 97, reasons: { 'tenant-not-allowed': 97 } },
    });
    expect(events[4]).toMatchObject({ details: { tenantId: 't-0' } });
    await recorder.flush();
    expect(events).toHaveLength(5);
  });

  it('writes the pending summary on flush', async () => {
    const { recorder, events } = setup(1);
    recorder.refused(refusal('a'), {});
    recorder.refused(refusal('a'), {});
    await recorder.flush();
    expect(events.map((e) => e.details?.summary ?? false)).toEqual([false, true]);
  });

  it('never audits authentication failures and logs one line per window', async () => {
    const { recorder, events, lines, advance } = setup();
    for (let i = 0; i < 50; i += 1) recorder.unauthorized('Unauthorized. Invalid AppId passed on token: x');
    expect(lines).toHaveLength(1);
    advance(61_000);
    recorder.unauthorized('again');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"count":49');
    await recorder.flush();
    expect(events).toHaveLength(0);
  });

  it('keeps claimed ids short and printable in the audit entry', () => {
    const { recorder, events } = setup();
    recorder.refused(refusal('t'), { fromId: `x\u0000${'y'.repeat(300)}`, conversationId: 'c' });
    expect(events[0]!.actor.id).toMatch(/^x\?y+…$/);
    expect(events[0]!.actor.id.length).toBeLessThanOrEqual(101);
  });
});

describe('createRefusalRecorder on the default clock', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: Date.parse('2026-03-01T23:59:30Z'), toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('opens a new window when the wall clock moves past it, across midnight', async () => {
    const append = sinon.spy(async (_event: AuditEventInput) => ({}) as never);
    const recorder = createRefusalRecorder({
      audit: { append },
      logger: createLogger({ level: 'silent' }),
      windowMs: 60_000,
      maxEntriesPerWindow: 5,
    });
    recorder.refused(refusal('t-1'), {});
    recorder.refused(refusal('t-1'), {});
    expect(append.callCount).toBe(1);
    clock.tick(59_000);
    recorder.refused(refusal('t-1'), {});
    expect(append.callCount).toBe(1);
    clock.tick(2_000);
    recorder.refused(refusal('t-1'), {});
    await recorder.flush();
    const details = append.getCalls().map((call) => call.args[0].details);
    expect(details.at(-1)).toMatchObject({ tenantId: 't-1' });
    expect(details.some((d) => d?.summary === true)).toBe(true);
    expect(append.getCalls().every((call) => typeof call.args[0].actor?.id === 'string')).toBe(true);
  });
});
