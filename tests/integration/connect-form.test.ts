import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '../../bot/confluence/site-host.js';
import { UNREACHABLE_SITE_MESSAGE } from '../../bot/confluence/site-host.js';
import { Secret } from '../../bot/secret.js';
import { USERS } from '../support/activities.js';
import { DEFAULT_ACCOUNTS } from '../support/confluence-simulator/index.js';
import { type Harness, startHarness } from '../support/harness.js';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const FORM_TOKEN = 'ATATT-connect-form-secret-31337';
const URL_TOKEN = 'url-embedded-secret-8c1d';

/** Issue 9.8 and 10.6 through the real connect and rotate forms, over HTTP. */
describe('connect form: site host checks and display names', () => {
  let h: Harness;
  const asked: string[] = [];
  const lookupHost: HostLookup = async (hostname) => {
    asked.push(hostname);
    const table: Record<string, string[]> = {
      'rebind.atlassian.net': ['104.192.141.1', '10.0.0.7'],
      'metadata.atlassian.net': ['169.254.169.254'],
      'mapped.atlassian.net': ['::ffff:192.168.0.1'],
    };
    const addresses = table[hostname];
    if (!addresses) throw new Error('ENOTFOUND');
    return addresses.map((address) => ({ address }));
  };

  beforeAll(async () => {
    h = await startHarness({}, { lookupHost });
  });
  afterAll(async () => {
    await h?.close();
  });

  const submit = (data: Record<string, string>) =>
    h.click(
      'connectSubmit',
      {
        connectorName: 'probe',
        siteUrl: h.confluence.url,
        accountEmail: DEFAULT_ACCOUNTS.bot.email,
        apiToken: FORM_TOKEN,
        allowedSpaces: 'ENG',
        ...data,
      },
      { from: USERS.admin },
    );

  it.each([
    ['cloud metadata', 'https://169.254.169.254', /IP address is not accepted/],
    ['metadata as a decimal number', 'https://2852039166', /IP address is not accepted/],
    ['metadata as hex', 'https://0xa9fea9fe', /IP address is not accepted/],
    ['a private address', 'https://10.0.0.1', /IP address is not accepted/],
    ['a v4-mapped IPv6 address', 'https://[::ffff:169.254.169.254]', /IP address is not accepted/],
    ['a link-local IPv6 address', 'https://[fe80::1]', /IP address is not accepted/],
    ['plain http to a private address', 'http://192.168.1.1', /https:\/\//],
    ['a domain nobody allowed', 'https://confluence.example.com', /Only Atlassian Cloud sites/],
    [
      'a look-alike of the allowed domain',
      'https://acme.atlassian.net.example.com',
      /Only Atlassian Cloud sites/,
    ],
    ['a port on the allowed domain', 'https://acme.atlassian.net:22', /without a port/],
  ])('refuses %s before any request or DNS query', async (_label, siteUrl, reason) => {
    const requests = h.confluence.requests.length;
    const before = asked.length;
    const result = await submit({ siteUrl });
    expect(result.text).toMatch(reason);
    expect(result.text).not.toMatch(/Confluence connected/);
    expect(asked.length).toBe(before);
    expect(h.confluence.requests.length).toBe(requests);
    expect(h.app.deps.connectors.get('probe')).toBeUndefined();
  });

  it.each([
    'https://rebind.atlassian.net',
    'https://metadata.atlassian.net',
    'https://mapped.atlassian.net',
    'https://unknown.atlassian.net',
  ])(
    'refuses %s when the name resolves to a non-public address (or not at all), with the one generic answer',
    async (siteUrl) => {
      const result = await submit({ siteUrl });
      expect(result.text).toContain(UNREACHABLE_SITE_MESSAGE);
      expect(asked).toContain(new URL(siteUrl).hostname);
      expect(h.app.deps.connectors.get('probe')).toBeUndefined();
    },
  );

  it('answers a closed port and an open port that is not Confluence the same way', async () => {
    const closedUrl = `http://127.0.0.1:${await closedPort()}`;
    const closed = await submit({ siteUrl: closedUrl });
    const open = await submit({ siteUrl: h.channel.url });
    expect(closed.text).toContain(UNREACHABLE_SITE_MESSAGE);
    expect(closed.text.replace(closedUrl, '<url>')).toBe(open.text.replace(h.channel.url, '<url>'));
  });

  it('refuses a site URL carrying credentials and never echoes, logs or audits it', async () => {
    const siteUrl = `https://admin:${URL_TOKEN}@acme.atlassian.net`;
    const result = await submit({ siteUrl });
    expect(result.text).toMatch(/must not carry a user name or password/);
    expect(JSON.stringify(result.body)).not.toContain(URL_TOKEN);
    const audit = await h.app.audit.exportAll('json');
    expect(audit).not.toContain(URL_TOKEN);
    expect(h.logs.join('\n')).not.toContain(URL_TOKEN);
    expect(h.logs.join('\n')).not.toContain(FORM_TOKEN);
    expect(audit).not.toContain(FORM_TOKEN);
  });

  it('connects a connector with a display name and finds it by its key in commands (issue 10.6)', async () => {
    const good = await submit({
      connectorName: 'Contoso Confluence',
      apiToken: DEFAULT_ACCOUNTS.bot.apiToken,
    });
    expect(good.text).toMatch(/Confluence connected/);
    expect(good.text).toContain('Contoso Confluence');
    expect(good.text).toContain('/confluence rotate contoso-confluence');
    const status = await h.say('/confluence status', { from: USERS.admin });
    expect(status.text).toContain('Contoso Confluence');
    const rotate = await h.say('/confluence rotate contoso-confluence', { from: USERS.admin });
    expect(rotate.text).toContain('Contoso Confluence');
    const rotated = await h.click(
      'rotateSubmit',
      { connector: 'Contoso Confluence', apiToken: DEFAULT_ACCOUNTS.bot.apiToken },
      { from: USERS.admin },
    );
    expect(rotated.text).toMatch(/Token rotated/);
    const audit = JSON.parse(await h.app.audit.exportAll('json')) as { connector?: string }[];
    expect(audit.some((entry) => entry.connector === 'Contoso Confluence')).toBe(true);
  });

  it('checks the stored site again before rotating a token', async () => {
    await h.app.deps.connectors.upsert({
      name: 'Rebound Wiki',
      siteUrl: 'https://rebind.atlassian.net',
      email: DEFAULT_ACCOUNTS.bot.email,
      apiToken: new Secret('old-token-value'),
    });
    const requests = h.confluence.requests.length;
    const result = await h.click(
      'rotateSubmit',
      { connector: 'Rebound Wiki', apiToken: FORM_TOKEN },
      { from: USERS.admin },
    );
    expect(result.text).toContain(UNREACHABLE_SITE_MESSAGE);
    expect(result.text).not.toContain(FORM_TOKEN);
    expect(h.confluence.requests.length).toBe(requests);
    expect(h.app.deps.connectors.getConnection('rebound-wiki').apiToken.reveal()).toBe('old-token-value');
  });
});
