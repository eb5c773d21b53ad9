import { describe, expect, it } from 'vitest';
import { isLoopbackHost, validateSiteUrl } from '../../../bot/confluence/site-url.js';
import { isAppError } from '../../../bot/errors.js';

describe('validateSiteUrl', () => {
  it.each([
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/wiki', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/wiki/', 'https://acme.atlassian.net'],
    ['  https://ACME.atlassian.net/WIKI  ', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net:443/wiki', 'https://acme.atlassian.net'],
    [
      'https://api.atlassian.com/ex/confluence/0f1e2d3c-aaaa-bbbb',
      'https://api.atlassian.com/ex/confluence/0f1e2d3c-aaaa-bbbb',
    ],
    [
      'https://api.atlassian.com/ex/confluence/abc123/wiki/',
      'https://api.atlassian.com/ex/confluence/abc123',
    ],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.10.20.30:1/wiki', 'http://127.10.20.30:1'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:4000', 'http://[::1]:4000'],
    ['http://127.0.0.1:9/ex/confluence/cloud1', 'http://127.0.0.1:9/ex/confluence/cloud1'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(validateSiteUrl(raw)).toBe(expected);
  });

  it.each([
    '',
    'acme.atlassian.net',
    'http://acme.atlassian.net',
    'http://10.0.0.1',
    'http://192.168.1.1',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com',
    'http://[::2]',
    'ftp://acme.atlassian.net',
    'javascript:alert(1)',
    'https://user:pass@acme.atlassian.net',
    'https://user@acme.atlassian.net',
    'https://acme.atlassian.net?x=1',
    'https://acme.atlassian.net/?',
    'https://acme.atlassian.net#frag',
    'https://acme.atlassian.net/wiki/spaces/HR',
    'https://acme.atlassian.net/other',
    'https://evil.com/ex/confluence/abc',
    'https://api.atlassian.com/ex/confluence/',
    'https://api.atlassian.com/ex/confluence/a/b',
    `https://${'a'.repeat(3000)}.com`,
  ])('rejects %j', (raw) => {
    let thrown: unknown;
    try {
      validateSiteUrl(raw);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, 'CONFLUENCE_BAD_SITE_URL')).toBe(true);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['0.0.0.0', false],
    ['127.0.0.1.nip.io', false],
    ['example.com', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
