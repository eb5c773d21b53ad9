import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_IN_CHANNEL_NOTE } from '../../bot/slack/response-url.js';
import { visibleText } from '../support/harness.js';
import { SLACK_PEOPLE, type SlackHarness, startSlackHarness } from '../support/slack-harness.js';
import { slashCommandRequest } from '../support/slack-requests.js';

const CHANNEL = 'C0NOTMEMB1';

/** `/confluence …` in a channel the bot is not in: the reply goes to the command's response URL. */
describe('Slack: slash command replies via response_url when the bot is not in the channel', () => {
  let h: SlackHarness;
  let elsewhere: http.Server;
  let elsewhereUrl = '';
  const elsewhereHits: string[] = [];

  beforeAll(async () => {
    h = await startSlackHarness();
    h.slack.setBotMember(CHANNEL, false);
    elsewhere = http.createServer((req, res) => {
      elsewhereHits.push(`${req.method} ${req.url}`);
      res.end('ok');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const address = elsewhere.address();
    elsewhereUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await h?.close();
    elsewhere?.closeAllConnections();
    await new Promise<void>((resolve) => (elsewhere ? elsewhere.close(() => resolve()) : resolve()));
  });

  const command = (text: string, responseUrl: string) =>
    h.send(slashCommandRequest({ text, userId: SLACK_PEOPLE.admin.id, channelId: CHANNEL, responseUrl }));

  it('posts nothing in the channel and the reply, ephemeral with an invite note, to the response URL', async () => {
    const url = h.slack.responseUrl('help-1');
    const turn = await command('help', url);
    expect(turn.status).toBe(200);
    expect(turn.posts).toEqual([]);
    expect(turn.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.error)).toEqual([
      'not_in_channel',
    ]);
    const posts = h.slack.responsePosts.filter((p) => p.id === 'help-1');
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(typeof body.text).toBe('string');
    expect(Array.isArray(body.blocks)).toBe(true);
    const shown = visibleText(body);
    expect(shown).toContain('/invite @Confluence');
    expect(shown).toMatch(/help|command/i);
    expect(JSON.stringify(body.blocks)).toContain(JSON.stringify(NOT_IN_CHANNEL_NOTE).slice(1, -1));
    expect(posts[0]!.authorized).toBe(false);
    expect(JSON.stringify(body)).not.toContain(h.slack.token);
  });

  it('posts nowhere when the response URL is on another host', async () => {
    const before = h.slack.responsePosts.length;
    const turn = await command('help', `${elsewhereUrl}/response/evil`);
    expect(turn.status).toBe(200);
    expect(turn.posts).toEqual([]);
    expect(elsewhereHits).toEqual([]);
    expect(h.slack.responsePosts.length).toBe(before);
  });

  it('in a channel the bot is in, replies publicly as before', async () => {
    h.slack.setBotMember(CHANNEL, true);
    try {
      const url = h.slack.responseUrl('help-2');
      const turn = await command('help', url);
      expect(turn.posts).toHaveLength(1);
      expect(turn.posts[0]?.channel).toBe(CHANNEL);
      expect(h.slack.responsePosts.filter((p) => p.id === 'help-2')).toEqual([]);
    } finally {
      h.slack.setBotMember(CHANNEL, false);
    }
  });
});
