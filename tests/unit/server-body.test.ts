import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { type ChannelStub, startChannelStub } from '../support/channel-stub.js';
import { type BotUnderTest, startBotUnderTest } from './chat/bot-fixture.js';

// How POST /api/messages reads its body (bot/server.ts `readJsonBody`): JSON only, 1 MB at most
// after decompression, gzip the only encoding understood.

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function start(): Promise<{ sut: BotUnderTest; channel: ChannelStub }> {
  const channel = await startChannelStub();
  open.push(channel);
  const sut = await startBotUnderTest();
  open.push(sut);
  return { sut, channel };
}

/** Posts raw bytes with the given headers over node:http (fetch would not send a gzip body as is). */
function postBytes(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

describe('POST /api/messages body', () => {
  it('accepts JSON with a charset and application/<x>+json, and runs the turn', async () => {
    const { sut, channel } = await start();
    const first = Buffer.from(JSON.stringify(messageActivity(channel.url, 'one')));
    const second = Buffer.from(JSON.stringify(messageActivity(channel.url, 'two')));
    expect(await postBytes(sut.url, first, { 'content-type': 'application/json; charset=utf-8' })).toBe(200);
    expect(await postBytes(sut.url, second, { 'content-type': 'application/vnd.test+json' })).toBe(200);
    expect(sut.handler.messages.map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('accepts a gzip body and refuses one that inflates past 1 MB with 413', async () => {
    const { sut, channel } = await start();
    const small = gzipSync(JSON.stringify(messageActivity(channel.url, 'zipped')));
    const big = gzipSync(JSON.stringify(messageActivity(channel.url, 'x'.repeat(1_100_000))));
    expect(big.length).toBeLessThan(1_000_000);
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    expect(await postBytes(sut.url, small, headers)).toBe(200);
    expect(await postBytes(sut.url, big, headers)).toBe(413);
    expect(await postBytes(sut.url, Buffer.from('not gzip'), headers)).toBe(400);
    expect(sut.handler.messages.map((m) => m.text)).toEqual(['zipped']);
  });

  it('refuses another content encoding with 415, and a body without a content type with 400', async () => {
    const { sut, channel } = await start();
    const body = Buffer.from(JSON.stringify(messageActivity(channel.url, 'hi')));
    expect(
      await postBytes(sut.url, body, { 'content-type': 'application/json', 'content-encoding': 'br' }),
    ).toBe(415);
    expect(await postBytes(sut.url, body, {})).toBe(400);
    expect(sut.handler.messages).toEqual([]);
    expect((await fetch(`${sut.url}/healthz`)).status).toBe(200);
  });
});
