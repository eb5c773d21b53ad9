import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyCli } from '../../bot/audit/run-verify-cli.js';
import { CONVERSATIONS, USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

/** Issue 9 item 9, through the bot over HTTP: failed admin commands are audited; the head is shown and posted daily. */
describe('admin failures and the audit head', () => {
  let h: Harness;
  let now = new Date('2025-05-01T09:00:00.000Z');
  beforeAll(async () => {
    h = await startHarness({}, { now: () => now });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['spaces add *', 'spaces add', 'INPUT_INVALID', { spaceKey: '*' }],
    ['rotate nosuch', 'rotate', 'CONNECTOR_NOT_FOUND', { connector: 'nosuch' }],
    ['disconnect nosuch', 'disconnect', 'CONNECTOR_NOT_FOUND', { connector: 'nosuch' }],
  ])('audits the refused admin command /confluence %s', async (command, subcommand, code, args) => {
    const before = h.app.audit.head().seq;
    const result = await h.say(`/confluence ${command}`, { from: USERS.admin });
    expect(result.status).toBe(200);
    expect(result.posts.length).toBeGreaterThan(0);
    const [entry] = await h.app.audit.tail(1);
    expect(entry).toMatchObject({
      seq: before + 1,
      operation: 'admin',
      decision: 'denied',
      outcome: 'denied',
      actor: { id: USERS.admin.id },
      details: { command: command.split(' ')[0], subcommand, code, args },
    });
    expect(entry?.error).toMatch(new RegExp(`^${code}: `));
  });

  it('audits a malformed admin command too', async () => {
    const before = h.app.audit.head().seq;
    const result = await h.say('/confluence spaces add', { from: USERS.admin });
    expect(result.text).toMatch(/Usage/);
    const [entry] = await h.app.audit.tail(1);
    expect(entry).toMatchObject({
      seq: before + 1,
      operation: 'admin',
      outcome: 'denied',
      details: { reason: 'malformed admin command' },
    });
  });

  it('audits a non-admin refusal with the subcommand and the code', async () => {
    await h.say('/confluence spaces add LEGAL', { from: USERS.reader });
    const [entry] = await h.app.audit.tail(1);
    expect(entry).toMatchObject({
      operation: 'admin',
      decision: 'denied',
      outcome: 'denied',
      details: { subcommand: 'spaces add', code: 'ADMIN_ONLY', args: { spaceKey: 'LEGAL' } },
    });
  });

  it('shows the audit head (count and newest hash) in /confluence status', async () => {
    await h.app.audit.flush();
    const head = h.app.audit.head();
    expect(head.seq).toBeGreaterThan(0);
    const status = await h.say('/confluence status', { from: USERS.admin });
    expect(status.text).toContain(`The audit log holds ${head.seq.toLocaleString('en')} entries`);
    expect(status.text).toContain(head.hash);
  });

  it("posts the head to the admins' conversation once per UTC day of the injected clock", async () => {
    expect(await h.app.postAuditHead()).toBe(false);
    await h.say('/confluence approvals here', { from: USERS.admin, conversation: CONVERSATIONS.channel });
    const posted = () => h.channel.posted().length;
    const before = posted();
    const head = h.app.audit.head();
    expect(await h.app.postAuditHead()).toBe(true);
    expect(posted()).toBe(before + 1);
    expect(JSON.stringify(h.channel.posted().at(-1))).toContain(head.hash);
    const [recorded] = await h.app.audit.tail(1);
    expect(recorded).toMatchObject({ operation: 'audit-head', details: { seq: head.seq, hash: head.hash } });

    now = new Date('2025-05-01T23:59:00.000Z');
    expect(await h.app.postAuditHead()).toBe(false);
    now = new Date('2025-05-02T00:01:00.000Z');
    expect(await h.app.postAuditHead()).toBe(true);
    expect(posted()).toBe(before + 2);
  });

  it('leaves a chain that audit:verify accepts with its anchors (development key file)', async () => {
    await h.app.audit.flush();
    const result = await runVerifyCli(['--data-dir', h.dataDir], {});
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain(
      `anchors OK — the chain matches the anchored head at seq ${h.app.audit.head().seq}`,
    );
  });
});
