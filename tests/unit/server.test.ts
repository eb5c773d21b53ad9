import { afterEach, describe, expect, it } from 'vitest';
import { messageActivity, sendToBot } from '../support/activities.js';
import { type ChannelStub, startChannelStub } from '../support/channel-stub.js';
import { type BotUnderTest, startBotUnderTest } from './chat/bot-fixture.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function start(
  health?: () => Record<string, unknown>,
): Promise<{ sut: BotUnderTest; channel: ChannelStub }> {
  const channel = await startChannelStub();
  open.push(channel);
  const sut = await startBotUnderTest(health);
  open.push(sut);
  return { sut, channel };
}

async function post(url: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('createHttpServer', () => {
  it('GET /healthz answers 200 with the health facts', async () => {
    const { sut } = await start(() => ({ connectors: 1, version: 'test' }));
    const response = await fetch(`${sut.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', connectors: 1, version: 'test' });
  });

  it('listen resolves with the bound port', async () => {
    const { sut } = await start();
    expect(Number(new URL(sut.url).port)).toBeGreaterThan(0);
  });

  it.each([
    ['a JSON array', '[{"type":"message"}]'],
    ['a JSON string', '"hello"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
  ])('POST /api/messages refuses %s with 400', async (_name, body) => {
    const { sut } = await start();
    const { status } = await post(sut.url, body);
    expect(status).toBe(400);
    expect(sut.handler.messages).toEqual([]);
  });

  it('refuses invalid JSON with a 4xx and no turn', async () => {
    const { sut } = await start();
    const { status } = await post(sut.url, '{"type":"message",');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(sut.handler.messages).toEqual([]);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const { sut, channel } = await start();
    const activity = messageActivity(channel.url, 'x'.repeat(1_100_000));
    const { status } = await post(sut.url, JSON.stringify(activity));
    expect(status).toBe(413);
    expect(sut.handler.messages).toEqual([]);
  });

  it.each([
    ['an empty object', '{}', 'application/json'],
    ['a form-encoded body', 'text=hi&from=x', 'application/x-www-form-urlencoded'],
    ['plain text', '{"type":"message"}', 'text/plain'],
  ])('survives %s: no turn reaches the handler and the server stays healthy', async (_name, body, type) => {
    const { sut } = await start();
    const { status, text } = await post(sut.url, body, type);
    expect(status).toBe(400);
    expect(text).not.toMatch(/at .*\.js:\d+/);
    expect(sut.handler.messages).toEqual([]);
    expect((await fetch(`${sut.url}/healthz`)).status).toBe(200);
  });

  it('refuses a non-Teams channel and disagreeing tenant ids with a bare 403 and no turn', async () => {
    const { sut, channel } = await start();
    const slack = { ...messageActivity(channel.url, 'hi'), channelId: 'slack' };
    const mixed = messageActivity(channel.url, 'hi') as { conversation: Record<string, unknown> };
    mixed.conversation = { ...mixed.conversation, tenantId: 'someone-else' };
    for (const activity of [slack, mixed]) {
      const { status, text } = await post(sut.url, JSON.stringify(activity));
      expect(status).toBe(403);
      expect(text).toBe('');
    }
    expect(sut.handler.messages).toEqual([]);
    expect(channel.calls).toEqual([]);
    expect(sut.logs.join('')).toContain('inbound activity refused (403)');
  });

  it('answers the HEAD probe on /api/messages (the Agents Playground sends one on load) with 204', async () => {
    const { sut } = await start();
    const response = await fetch(`${sut.url}/api/messages`, { method: 'HEAD' });
    expect(response.status).toBe(204);
  });

  it('404 for other paths', async () => {
    const { sut } = await start();
    expect((await fetch(`${sut.url}/api/other`)).status).toBe(404);
  });

  it('close() waits for turns in flight; meanwhile new turns get 503 and /healthz says stopping', async () => {
    const { sut, channel } = await start();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => {};
    const inTurn = new Promise<void>((resolve) => (entered = resolve));
    sut.handler.onMessage = async (request, reply) => {
      entered();
      await gate;
      await reply({ kind: 'text', text: `late:${request.text}` });
    };
    const slow = sendToBot(sut.url, messageActivity(channel.url, 'slow one'));
    await inTurn;
    let closed = false;
    const closing = sut.http.close().then(() => {
      closed = true;
    });
    const second = await sendToBot(sut.url, messageActivity(channel.url, 'too late'));
    expect(second.status).toBe(503);
    const health = await fetch(`${sut.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'stopping' });
    expect(closed).toBe(false);
    release();
    expect((await slow).status).toBe(200);
    await closing;
    expect(closed).toBe(true);
    expect(sut.handler.messages.map((m) => m.text)).toEqual(['slow one']);
    expect(channel.posted().map((c) => c.activity.text)).toEqual(['late:slow one']);
  });

  it('close() with nothing in flight resolves and the port stops answering', async () => {
    const { sut } = await start();
    await sut.http.close();
    await expect(fetch(`${sut.url}/healthz`)).rejects.toThrow();
  });
});
