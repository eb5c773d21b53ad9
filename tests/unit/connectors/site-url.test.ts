import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl } from '../../../bot/connectors/site-url.js';

describe('normalizeSiteUrl', () => {
  it.each([
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/wiki/', 'https://acme.atlassian.net'],
    ['  https://ACME.atlassian.net/wiki ', 'https://acme.atlassian.net'],
    ['https://api.atlassian.com/ex/confluence/abc-123', 'https://api.atlassian.com/ex/confluence/abc-123'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:9000/', 'http://localhost:9000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeSiteUrl(input)).toBe(expected);
  });

  it.each([
    'http://acme.atlassian.net',
    'http://127.0.0.1.evil.com',
    'ftp://acme.atlassian.net',
    'https://user:pass@acme.atlassian.net',
    'https://acme.atlassian.net/?x=1',
    'https://acme.atlassian.net/#frag',
    'https://acme.atlassian.net/?',
    'acme.atlassian.net',
    'javascript:alert(1)',
    '',
  ])('rejects %s', (input) => {
    expect(() => normalizeSiteUrl(input)).toThrow(
      expect.objectContaining({ code: 'CONFLUENCE_BAD_SITE_URL' }),
    );
  });
});
