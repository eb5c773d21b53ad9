import { describe, expect, it } from 'vitest';
import {
  checkSiteUrl,
  classifyAddress,
  guardSiteUrl,
  type HostLookup,
  parseAllowedHosts,
  siteHostRefusal,
  siteRulesFor,
  UNREACHABLE_SITE_MESSAGE,
} from '../../../bot/confluence/site-host.js';
import { AppError, isAppError } from '../../../bot/errors.js';

const PRODUCTION = siteRulesFor(true);
const DEVELOPMENT = siteRulesFor(false);
const WITH_CONTOSO = siteRulesFor(true, ['wiki.contoso.com', '*.corp.example']);

function refusalOf(raw: string, rules = PRODUCTION): string | undefined {
  try {
    checkSiteUrl(raw, rules);
    return undefined;
  } catch (error) {
    if (!isAppError(error, 'CONFLUENCE_BAD_SITE_URL')) throw error;
    return error.userMessage;
  }
}

describe('the site host predicate (production)', () => {
  it.each([
    'https://acme.atlassian.net',
    'https://ACME.atlassian.net/wiki/',
    'https://a.b.atlassian.net',
    'https://api.atlassian.com/ex/confluence/0f1e2d3c-aaaa',
    'https://xn--bcher-kva.atlassian.net',
  ])('accepts %s', (raw) => {
    expect(refusalOf(raw)).toBeUndefined();
  });

  it.each([
    ['cloud metadata', 'https://169.254.169.254'],
    ['metadata over http', 'http://169.254.169.254/latest/meta-data'],
    ['private v4', 'https://10.0.0.1'],
    ['private v4 172.16/12', 'https://172.20.1.1'],
    ['private v4 192.168/16', 'https://192.168.1.10'],
    ['public v4 literal', 'https://8.8.8.8'],
    ['unspecified', 'https://0.0.0.0'],
    ['decimal v4', 'https://2130706433'],
    ['decimal metadata', 'https://2852039166'],
    ['hex v4', 'https://0x7f.0.0.1'],
    ['hex dword', 'https://0xa9fea9fe'],
    ['octal v4', 'https://0177.0.0.1'],
    ['short v4', 'https://127.1'],
    ['percent-encoded v4', 'https://%31%32%37.0.0.1'],
    ['v6 loopback', 'https://[::1]'],
    ['v6 unspecified', 'https://[::]'],
    ['v4-mapped v6', 'https://[::ffff:169.254.169.254]'],
    ['v4-mapped hex', 'https://[::ffff:a9fe:a9fe]'],
    ['v6 link-local', 'https://[fe80::1]'],
    ['v6 unique local', 'https://[fd00::1]'],
    ['public v6 literal', 'https://[2606:4700::1111]'],
    ['loopback http', 'http://127.0.0.1:8090'],
    ['localhost http', 'http://localhost:8090'],
    ['localhost https', 'https://localhost'],
    ['plain http to Atlassian', 'http://acme.atlassian.net'],
    ['credentials', 'https://user:secret-token@acme.atlassian.net'],
    ['user only', 'https://user@acme.atlassian.net'],
    ['lookalike suffix', 'https://acme.atlassian.net.evil.com'],
    ['lookalike prefix', 'https://evilatlassian.net'],
    ['apex', 'https://atlassian.net'],
    ['userinfo trick', 'https://acme.atlassian.net@evil.com'],
    ['backslash trick', 'https://evil.com\\.atlassian.net'],
    ['other domain', 'https://confluence.example.com'],
    ['gateway root', 'https://api.atlassian.com'],
    ['gateway path elsewhere', 'https://evil.com/ex/confluence/abc'],
    ['non-default port', 'https://acme.atlassian.net:8443'],
    ['port scan via port', 'https://acme.atlassian.net:22'],
    ['trailing dot', 'https://acme.atlassian.net.'],
    ['nip.io style name', 'https://127.0.0.1.nip.io'],
    ['empty label', 'https://acme..atlassian.net'],
    ['underscore label', 'https://a_b.atlassian.net'],
    ['file scheme', 'file:///etc/passwd'],
    ['gopher', 'gopher://acme.atlassian.net'],
  ])('refuses %s (%s)', (_label, raw) => {
    const refusal = refusalOf(raw);
    expect(refusal).toBeDefined();
    expect(refusal).not.toContain('secret-token');
    expect(refusal).not.toContain(raw);
  });

  it('never repeats a URL that carries credentials', () => {
    let thrown: unknown;
    try {
      checkSiteUrl('https://admin:tok-9f8e7d@acme.atlassian.net', PRODUCTION);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(JSON.stringify(thrown)).not.toContain('tok-9f8e7d');
    expect(String((thrown as AppError).message)).not.toContain('tok-9f8e7d');
  });
});

describe('the site host predicate (development and added hosts)', () => {
  it.each([
    'http://127.0.0.1:8090',
    'http://127.10.0.1',
    'http://localhost:3000/wiki',
    'http://[::1]:4000',
    'https://localhost:8443',
    'https://acme.atlassian.net',
  ])('development accepts %s', (raw) => {
    expect(refusalOf(raw, DEVELOPMENT)).toBeUndefined();
  });

  it.each([
    'https://169.254.169.254',
    'http://10.0.0.1',
    'https://10.0.0.1',
    'https://[::ffff:127.0.0.1]',
    'https://confluence.example.com',
  ])('development still refuses %s', (raw) => {
    expect(refusalOf(raw, DEVELOPMENT)).toBeDefined();
  });

  it.each([
    ['https://wiki.contoso.com', true],
    ['https://WIKI.contoso.com/wiki', true],
    ['https://docs.corp.example', true],
    ['https://a.b.corp.example', true],
    ['https://corp.example', false],
    ['https://evil-wiki.contoso.com', false],
    ['https://wiki.contoso.com.evil.net', false],
    ['https://acme.atlassian.net', true],
  ])('CONFLUENCE_ALLOWED_HOSTS: %s -> %s', (raw, accepted) => {
    expect(refusalOf(raw, WITH_CONTOSO) === undefined).toBe(accepted);
  });

  it('names the operator setting when a domain is not allowed', () => {
    expect(refusalOf('https://wiki.contoso.com')).toMatch(/CONFLUENCE_ALLOWED_HOSTS/);
  });

  it('siteHostRefusal is the same predicate on a normalised URL', () => {
    expect(siteHostRefusal('https://acme.atlassian.net', PRODUCTION)).toBeUndefined();
    expect(siteHostRefusal('https://10.1.1.1', PRODUCTION)).toBeDefined();
  });
});

describe('parseAllowedHosts', () => {
  it('keeps host names and wildcards, lowercased', () => {
    expect(parseAllowedHosts(' Wiki.Contoso.com, *.corp.example ,,')).toEqual({
      hosts: ['wiki.contoso.com', '*.corp.example'],
      bad: [],
    });
    expect(parseAllowedHosts(undefined)).toEqual({ hosts: [], bad: [] });
  });

  it.each([
    '*',
    '*.com',
    'https://wiki.contoso.com',
    'wiki.contoso.com:8443',
    '10.0.0.1',
    '*.10.0.0',
    'localhost',
    'wiki.contoso.com/path',
    'a..b',
    '*.*.example.com',
  ])('refuses %j', (entry) => {
    expect(parseAllowedHosts(entry).bad).toEqual([entry]);
  });
});

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['104.192.141.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'non-public'],
    ['10.1.2.3', 'non-public'],
    ['100.64.0.1', 'non-public'],
    ['169.254.169.254', 'non-public'],
    ['172.16.0.1', 'non-public'],
    ['172.31.255.255', 'non-public'],
    ['172.32.0.1', 'public'],
    ['192.0.2.5', 'non-public'],
    ['192.168.0.1', 'non-public'],
    ['198.18.0.1', 'non-public'],
    ['224.0.0.1', 'non-public'],
    ['255.255.255.255', 'non-public'],
    ['::', 'non-public'],
    ['::ffff:10.0.0.1', 'non-public'],
    ['::ffff:a9fe:a9fe', 'non-public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'non-public'],
    ['64:ff9b::a9fe:a9fe', 'non-public'],
    ['64:ff9b::808:808', 'public'],
    ['2002:a9fe:a9fe::1', 'non-public'],
    ['2002:808:808::1', 'public'],
    ['2001:db8::1', 'non-public'],
    ['2001:0:4136:e378::1', 'non-public'],
    ['fc00::1', 'non-public'],
    ['fd12:3456::1', 'non-public'],
    ['fe80::1%eth0', 'non-public'],
    ['fec0::1', 'non-public'],
    ['ff02::1', 'non-public'],
    ['2606:4700:4700::1111', 'public'],
    ['[2606:4700:4700::1111]', 'public'],
    ['acme.atlassian.net', 'non-public'],
    ['', 'non-public'],
    ['1:2:3:4:5:6:7:8:9', 'non-public'],
  ])('%s -> %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('guardSiteUrl (resolution, injected resolver)', () => {
  const resolver =
    (table: Record<string, string[]>): HostLookup =>
    async (hostname) => {
      const addresses = table[hostname];
      if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return addresses.map((address) => ({ address }));
    };
  const dns = resolver({
    'acme.atlassian.net': ['104.192.141.1', '2401:1d80:3000::1'],
    'rebind.atlassian.net': ['104.192.141.1', '10.0.0.7'],
    'meta.atlassian.net': ['169.254.169.254'],
    'mapped.atlassian.net': ['::ffff:192.168.1.1'],
    'local.atlassian.net': ['127.0.0.1'],
    'empty.atlassian.net': [],
  });

  const guardRefusal = async (raw: string, rules = PRODUCTION) => {
    try {
      await guardSiteUrl(raw, rules, dns);
      return undefined;
    } catch (error) {
      if (!isAppError(error, 'CONFLUENCE_BAD_SITE_URL')) throw error;
      return error.userMessage;
    }
  };

  it('accepts a name whose every address is public and returns the normalised URL', async () => {
    await expect(guardSiteUrl('https://ACME.atlassian.net/wiki', PRODUCTION, dns)).resolves.toBe(
      'https://acme.atlassian.net',
    );
  });

  it.each([
    'https://rebind.atlassian.net',
    'https://meta.atlassian.net',
    'https://mapped.atlassian.net',
    'https://local.atlassian.net',
    'https://empty.atlassian.net',
    'https://missing.atlassian.net',
  ])('refuses %s with the one generic answer', async (raw) => {
    expect(await guardRefusal(raw)).toBe(UNREACHABLE_SITE_MESSAGE);
  });

  it('lets a name resolve to loopback in development only, and never asks DNS about loopback hosts', async () => {
    expect(await guardRefusal('https://local.atlassian.net', DEVELOPMENT)).toBeUndefined();
    const asked: string[] = [];
    const recording: HostLookup = async (hostname) => {
      asked.push(hostname);
      return [];
    };
    await expect(guardSiteUrl('http://127.0.0.1:8090', DEVELOPMENT, recording)).resolves.toBe(
      'http://127.0.0.1:8090',
    );
    await expect(guardSiteUrl('http://localhost:8090', DEVELOPMENT, recording)).resolves.toBe(
      'http://localhost:8090',
    );
    expect(asked).toEqual([]);
  });

  it('checks the host before resolving it: a refused URL never reaches DNS', async () => {
    const asked: string[] = [];
    const recording: HostLookup = async (hostname) => {
      asked.push(hostname);
      return [{ address: '104.192.141.1' }];
    };
    await expect(guardSiteUrl('https://evil.example.com', PRODUCTION, recording)).rejects.toThrow();
    await expect(guardSiteUrl('https://u:p@acme.atlassian.net', PRODUCTION, recording)).rejects.toThrow();
    expect(asked).toEqual([]);
  });
});
