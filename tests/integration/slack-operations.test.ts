import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type Operation } from '../../bot/domain/types.js';
import { operationCommand, POLICY_MATRIX } from '../support/policy-matrix.js';
import { checkBlocks, FAKE_CHANNELS, MAX_MESSAGE_BLOCKS } from '../support/slack-fake/index.js';
import { SLACK_PEOPLE, type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

/** Settable cells only; each operation ends allowed, so later tests run with every operation allowed. */
const ORDER: Readonly<Record<string, number>> = { denied: 0, confirm: 1, allowed: 2 };
const MATRIX = POLICY_MATRIX.filter(([, , outcome]) => outcome !== 'not settable').sort(
  (a, b) => OPERATIONS.indexOf(a[0]) - OPERATIONS.indexOf(b[0]) || ORDER[a[1]]! - ORDER[b[1]]!,
);

/** The four operations and questions in Slack, over HTTP: channel (app_mention) and DM, every policy. */
describe('Slack: operations × policy', () => {
  let h: SlackHarness;
  let counter = 0;
  beforeAll(async () => {
    h = await startSlackHarness();
    const here = await h.command('approvals here', { channel: FAKE_CHANNELS.approvals.id });
    expect(here.text).toMatch(/Approvals conversation set/);
  });
  afterAll(async () => {
    await h?.close();
  });

  const commandFor = (operation: Operation): string => {
    counter += 1;
    return operationCommand(operation, h.base.confluence.findPageByTitle('ENG', 'Team Rituals')!.id, counter);
  };

  const writes = () => h.base.confluence.requests.filter((r) => r.method !== 'GET').length;

  for (const where of ['channel', 'dm'] as const) {
    it.each(MATRIX)(`${where}: %s under %s → %s`, async (operation, permission, expected) => {
      const channel = where === 'channel' ? FAKE_CHANNELS.general.id : FAKE_CHANNELS.adaDm.id;
      const set = await h.command(`policy ${operation} ${permission}`, { channel });
      expect(set.text).toMatch(/Policy updated/);
      const writesBefore = writes();
      const turn =
        where === 'channel'
          ? await h.mention(commandFor(operation), { user: SLACK_PEOPLE.user.id })
          : await h.dm(commandFor(operation));
      expect(turn.status).toBe(200);
      const entry = (await h.base.app.audit.tail(1))[0];
      expect(entry?.operation).toBe(operation);
      const requester = where === 'channel' ? SLACK_PEOPLE.user.id : SLACK_PEOPLE.admin.id;
      expect(entry?.actor.id).toBe(`slack:${requester}`);
      expect(entry?.conversationId).toBe(channel);
      if (expected === 'runs') {
        expect(turn.posts[0]?.channel).toBe(channel);
        expect(turn.text).not.toMatch(/denied|refused|Waiting for approval/i);
        expect(writes() - writesBefore).toBe(operation === 'create' || operation === 'update' ? 1 : 0);
        expect(entry).toMatchObject({ decision: 'allowed', outcome: 'ok' });
      } else if (expected === 'approval card') {
        expect(writes()).toBe(writesBefore);
        expect(entry, JSON.stringify(entry)).toMatchObject({ decision: 'confirm', outcome: 'pending' });
        const card = turn.posts.find((p) => /Waiting for approval/.test(JSON.stringify(p)));
        // A DM's request goes to the approvals channel; the requester is told where it went.
        expect(card?.channel).toBe(where === 'channel' ? channel : FAKE_CHANNELS.approvals.id);
        expect(JSON.stringify(card)).toContain('"action_id":"approve"');
        if (where === 'dm') expect(turn.text).toMatch(/went to the approvers' channel/);
      } else {
        expect(turn.text).toMatch(/denied|refused|not allowed/i);
        expect(writes()).toBe(writesBefore);
        expect(entry?.decision).toBe('denied');
      }
    });
  }

  it('answers a question with quoted passages and links, in the thread it was asked in', async () => {
    const turn = await h.mention('how many weeks of parental leave do we get?', {
      threadTs: '1700000000.000001',
    });
    expect(turn.posts).toHaveLength(1);
    expect(turn.posts[0]).toMatchObject({
      channel: FAKE_CHANNELS.general.id,
      thread_ts: '1700000000.000001',
    });
    expect(turn.text).toMatch(/parental leave/i);
    expect(JSON.stringify(turn.posts[0])).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/wiki\/spaces\/HR\/pages\/\d+\/[^|>]+\|/,
    );
  });

  it('a top-level mention is answered at the top level; a "Show here" click posts the page', async () => {
    const search = await h.mention('search onboarding');
    expect(search.posts[0]?.thread_ts).toBeUndefined();
    const value = JSON.stringify(search.posts[0]).match(/\\"pageId\\":\\"(\d+)\\"/)?.[1];
    expect(value).toBeDefined();
    const shown = await h.click('showPage', { pageId: value }, { user: SLACK_PEOPLE.user.id });
    expect(shown.text).toMatch(/Onboarding/);
  });

  it('page text cannot ping a channel: <!here> in a search is shown escaped', async () => {
    const turn = await h.mention('search &lt;!here&gt; vpn');
    // mrkdwn texts and the notification text are parsed by Slack; plain_text (headers) never is.
    const parsed: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'mrkdwn' && typeof record.text === 'string') parsed.push(record.text);
        Object.values(record).forEach(walk);
      }
    };
    walk(turn.posts.map((p) => p.blocks));
    parsed.push(...turn.posts.map((p) => String(p.text)));
    expect(parsed.join('\n')).toContain('&lt;!here&gt;');
    expect(parsed.join('\n')).not.toContain('<!here>');
  });

  it('a page named with a word its title lacks: the note, then the page, in the same place', async () => {
    const turn = await h.mention('open the Zyzzyva Team Rituals');
    expect(turn.posts.length).toBe(2);
    expect(String(turn.posts[0]?.text)).toContain(
      'No page is titled "Zyzzyva Team Rituals"; opening the closest title, "Team Rituals".',
    );
    expect(JSON.stringify(turn.posts[1])).toContain('Team Rituals');
    expect(new Set(turn.posts.map((p) => p.channel)).size).toBe(1);
  });

  it('every message the bot sent was accepted by Slack and within Block Kit limits', () => {
    const messages = h.slack.calls.filter((c) => c.method.startsWith('chat.'));
    expect(messages.length).toBeGreaterThan(20);
    for (const call of messages) {
      expect(call.ok, `${call.method} ${call.error ?? ''}`).toBe(true);
      if (call.args.blocks !== undefined)
        expect(checkBlocks(call.args.blocks, MAX_MESSAGE_BLOCKS)).toBeUndefined();
      expect(typeof call.args.text).toBe('string');
    }
  });
});
