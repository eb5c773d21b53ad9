import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_REFUSED_OPERATION } from '../../bot/chat/refusal-recorder.js';
import { actionActivity, CONVERSATIONS, messageActivity, sendToBot, USERS } from '../support/activities.js';
import {
  type BotFrameworkKeys,
  channelClaims,
  startBotFrameworkKeys,
} from '../support/bot-framework-auth.js';
import { type Harness, startHarness } from '../support/harness.js';

const BOT_ID = '00000000-0000-0000-0000-000000000001';
const PASSWORD = 'not-a-real-secret';
const HOME_TENANT = 'tenant-1';
const EXTRA_TENANT = 'tenant-2';

/** `activity` as if sent from `tenantId` (both places Teams names it) and optionally another channel. */
function from(
  activity: Record<string, unknown>,
  tenantId: string,
  options: { conversationTenantId?: string; channelId?: string } = {},
): Record<string, unknown> {
  const conversation = activity.conversation as Record<string, unknown>;
  const channelData = activity.channelData as Record<string, unknown>;
  return {
    ...activity,
    ...(options.channelId ? { channelId: options.channelId } : {}),
    conversation: { ...conversation, tenantId: options.conversationTenantId ?? tenantId },
    channelData: { ...channelData, tenant: { id: tenantId } },
  };
}

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function refusalsIn(h: Harness) {
  await h.app.audit.flush();
  return h.app.audit.query({ operation: INBOUND_REFUSED_OPERATION });
}

/**
 * With BOT_ID set, every request is authenticated by botbuilder against signing keys served by a
 * loopback stub (no network), then checked against the configured tenants; nothing else runs first.
 */
describe('inbound authentication and the tenant gate (auth on)', () => {
  let h: Harness;
  let keys: BotFrameworkKeys;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let valid: () => Record<string, string>;

  beforeAll(async () => {
    keys = await startBotFrameworkKeys();
    h = await startHarness(
      {
        BOT_ID,
        BOT_PASSWORD: PASSWORD,
        BOT_TENANT_ID: HOME_TENANT,
        BOT_ALLOWED_TENANTS: ` ${EXTRA_TENANT} `,
      },
      { botAuthEndpoints: { openIdMetadataUrl: keys.openIdMetadataUrl } },
    );
    valid = () => bearer(keys.sign(channelClaims(BOT_ID, h.channel.url)));
  });
  afterAll(async () => {
    await h?.close();
    await keys?.close();
  });

  it('refuses requests without a token, and ones with a token that is not a JWT, and runs no turn', async () => {
    const before = h.confluence.requests.length;
    const anonymous = await sendToBot(h.botUrl, messageActivity(h.channel.url, 'search vpn'));
    expect(anonymous.status).toBe(401);
    const garbage = await sendToBot(
      h.botUrl,
      messageActivity(h.channel.url, 'search vpn'),
      bearer('abc.def.ghi'),
    );
    expect(garbage.status).toBe(401);
    expect(h.confluence.requests.length).toBe(before);
    expect(h.channel.calls).toHaveLength(0);
  });

  it('answers a forged RS256 JWT with a bare 401: no error text, no turn', async () => {
    const before = h.confluence.requests.length;
    const forged = await sendToBot(
      h.botUrl,
      messageActivity(h.channel.url, 'search vpn'),
      bearer(keys.forge(channelClaims(BOT_ID, h.channel.url))),
    );
    expect(forged.status).toBe(401);
    expect(forged.body ?? '').toEqual('');
    const wrongAudience = await sendToBot(
      h.botUrl,
      messageActivity(h.channel.url, 'search vpn'),
      bearer(keys.sign(channelClaims('someone-else', h.channel.url))),
    );
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body ?? '').toEqual('');
    expect(h.confluence.requests.length).toBe(before);
    expect(h.channel.calls).toHaveLength(0);
  });

  it('serves the home tenant and BOT_ALLOWED_TENANTS with a valid token', async () => {
    for (const tenant of [HOME_TENANT, EXTRA_TENANT, 'TENANT-1']) {
      const response = await sendToBot(
        h.botUrl,
        from(actionActivity(h.channel.url, 'approve', { requestId: 'no-such-request' }), tenant),
        valid(),
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ statusCode: 200 });
    }
  });

  it.each([
    ['another tenant', { tenant: 'evil-tenant' }, 'tenant-not-allowed'],
    ['no tenant at all', { tenant: '' }, 'tenant-missing'],
    [
      'channelData and conversation naming different tenants',
      { tenant: HOME_TENANT, other: 'evil-tenant' },
      'tenant-mismatch',
    ],
    ['a channel other than Teams', { tenant: HOME_TENANT, channelId: 'webchat' }, 'channel-not-supported'],
    [
      'the Emulator channel (local development only)',
      { tenant: HOME_TENANT, channelId: 'emulator' },
      'channel-not-supported',
    ],
  ])('refuses %s with 403 before any work, and audits it', async (_name, claim, reason) => {
    const confluenceBefore = h.confluence.requests.length;
    const channelBefore = h.channel.calls.length;
    const auditBefore = h.app.audit.head().seq;
    let activity = from(messageActivity(h.channel.url, 'what is our parental leave?'), claim.tenant, {
      ...('other' in claim ? { conversationTenantId: claim.other } : {}),
      ...('channelId' in claim ? { channelId: claim.channelId } : {}),
    });
    if (claim.tenant === '') {
      const { tenantId: _dropped, ...conversation } = activity.conversation as Record<string, unknown>;
      activity = { ...activity, conversation, channelData: {} };
    }
    const response = await sendToBot(h.botUrl, activity, valid());
    expect(response.status).toBe(403);
    expect(response.body ?? '').toEqual('');
    expect(h.confluence.requests.length).toBe(confluenceBefore);
    expect(h.channel.calls.length).toBe(channelBefore);
    const entries = (await refusalsIn(h)).filter((e) => e.seq > auditBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'inbound-refused',
      decision: 'denied',
      outcome: 'denied',
      actor: { id: USERS.writer.id },
      details: { reason, channelId: 'channelId' in claim ? claim.channelId : 'msteams' },
    });
    if (claim.tenant) expect(entries[0]!.details).toMatchObject({ tenantId: claim.tenant });
  });

  it('a refused card click decides nothing', async () => {
    const response = await sendToBot(
      h.botUrl,
      from(actionActivity(h.channel.url, 'approve', { requestId: 'anything' }), 'evil-tenant'),
      valid(),
    );
    expect(response.status).toBe(403);
  });

  it('an unauthenticated flood writes nothing to the audit log and a line or two to the log', async () => {
    await h.app.audit.flush();
    const auditBefore = h.app.audit.head().seq;
    const logsBefore = h.logs.length;
    for (let i = 0; i < 50; i += 1) {
      const activity = from(messageActivity(h.channel.url, 'hi'), `flood-${i}`);
      const response = await sendToBot(h.botUrl, activity, bearer(keys.forge({ iss: 'x', aud: BOT_ID })));
      expect(response.status).toBe(401);
    }
    await h.app.audit.flush();
    expect(h.app.audit.head().seq).toBe(auditBefore);
    expect(h.logs.length - logsBefore).toBeLessThanOrEqual(2);
  });

  it('an authenticated flood from other tenants adds a bounded number of audit entries', async () => {
    await h.app.audit.flush();
    const auditBefore = h.app.audit.head().seq;
    for (let i = 0; i < 60; i += 1) {
      const response = await sendToBot(
        h.botUrl,
        from(messageActivity(h.channel.url, 'hi'), `other-${i % 30}`),
        valid(),
      );
      expect(response.status).toBe(403);
    }
    await h.app.audit.flush();
    expect(h.app.audit.head().seq - auditBefore).toBeLessThanOrEqual(20);
  });

  it('never logs the bot password, a token or a stack trace', () => {
    const logs = h.logs.join('\n');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain('eyJ');
    expect(logs).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('inbound authentication when the signing keys cannot be fetched', () => {
  let h: Harness;
  let keys: BotFrameworkKeys;
  beforeAll(async () => {
    keys = await startBotFrameworkKeys();
    const port = await closedLoopbackPort();
    h = await startHarness(
      { BOT_ID, BOT_PASSWORD: PASSWORD, BOT_TENANT_ID: HOME_TENANT },
      { botAuthEndpoints: { openIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openidconfiguration` } },
    );
  });
  afterAll(async () => {
    await h?.close();
    await keys?.close();
  });

  it('answers a well-formed JWT with a bare 401, not a 500 carrying the fetch error', async () => {
    const response = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'search vpn'), HOME_TENANT),
      {
        authorization: `Bearer ${keys.sign(channelClaims(BOT_ID, h.channel.url))}`,
      },
    );
    expect(response.status).toBe(401);
    expect(response.body ?? '').toEqual('');
    expect(JSON.stringify(response.body ?? '')).not.toMatch(/request to|ECONNREFUSED|openid/i);
    expect(h.channel.calls).toHaveLength(0);
  });
});

describe('the tenant gate with inbound auth off (local development)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ BOT_TENANT_ID: HOME_TENANT });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers the configured tenant and refuses any other with 403 and no reply', async () => {
    const ok = await h.say('help', { conversation: CONVERSATIONS.personal });
    expect(ok.status).toBe(200);
    expect(ok.posts.length).toBeGreaterThan(0);
    const before = h.channel.calls.length;
    const confluenceBefore = h.confluence.requests.length;
    const other = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'what is our parental leave?'), 'other-tenant'),
    );
    expect(other.status).toBe(403);
    expect(h.channel.calls.length).toBe(before);
    expect(h.confluence.requests.length).toBe(confluenceBefore);
  });

  it('accepts the Emulator channel only here, and refuses Web Chat', async () => {
    const emulator = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'help', { conversation: CONVERSATIONS.personal }), HOME_TENANT, {
        channelId: 'emulator',
      }),
    );
    expect(emulator.status).toBe(200);
    const webchat = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'help'), HOME_TENANT, { channelId: 'webchat' }),
    );
    expect(webchat.status).toBe(403);
  });

  it('an unauthenticated flood (auth off) adds a bounded number of audit entries', async () => {
    await h.app.audit.flush();
    const auditBefore = h.app.audit.head().seq;
    for (let i = 0; i < 80; i += 1) {
      const response = await sendToBot(h.botUrl, from(messageActivity(h.channel.url, 'hi'), `flood-${i}`));
      expect(response.status).toBe(403);
    }
    await h.app.audit.flush();
    expect(h.app.audit.head().seq - auditBefore).toBeLessThanOrEqual(20);
  });
});

describe('the tenant gate with no tenant configured and auth off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('accepts any one tenant (local tools such as the Playground bring their own) but not two at once', async () => {
    const playground = await sendToBot(
      h.botUrl,
      from(
        messageActivity(h.channel.url, 'help', { conversation: CONVERSATIONS.personal }),
        '00000000-0000-0000-0000-0000000000001',
      ),
    );
    expect(playground.status).toBe(200);
    const mixed = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'help'), 'tenant-a', { conversationTenantId: 'tenant-b' }),
    );
    expect(mixed.status).toBe(403);
    const slack = await sendToBot(
      h.botUrl,
      from(messageActivity(h.channel.url, 'help'), 'tenant-a', { channelId: 'slack' }),
    );
    expect(slack.status).toBe(403);
  });
});
