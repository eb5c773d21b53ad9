import { describe, expect, it } from 'vitest';
import { parsePageUrl } from '../../../bot/confluence/page-url.js';
import { AppError } from '../../../bot/errors.js';

const HOSTS = ['acme.atlassian.net'];

function rejection(raw: string, hosts: readonly string[] = HOSTS): AppError {
  try {
    parsePageUrl(raw, hosts);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${raw} to be rejected`);
}

describe('parsePageUrl', () => {
  it.each([
    ['https://acme.atlassian.net/wiki/spaces/HR/pages/123456', { pageId: '123456', spaceKey: 'HR' }],
    [
      'https://acme.atlassian.net/wiki/spaces/HR/pages/123456/Parental+Leave',
      { pageId: '123456', spaceKey: 'HR' },
    ],
    [
      'https://acme.atlassian.net/wiki/spaces/HR/pages/123456/Title?focusedCommentId=9#c',
      { pageId: '123456', spaceKey: 'HR' },
    ],
    ['https://acme.atlassian.net/wiki/spaces/~5b10ac/pages/77/Me', { pageId: '77', spaceKey: '~5b10ac' }],
    ['https://acme.atlassian.net/wiki/spaces/%7E5b10ac/pages/77', { pageId: '77', spaceKey: '~5b10ac' }],
    ['https://acme.atlassian.net/wiki/spaces/HR/pages/edit-v2/555', { pageId: '555', spaceKey: 'HR' }],
    ['https://acme.atlassian.net/wiki/spaces/HR/pages/edit/556', { pageId: '556', spaceKey: 'HR' }],
    ['https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=42', { pageId: '42' }],
    ['https://ACME.atlassian.net/wiki/pages/viewpage.action?spaceKey=HR&pageId=43', { pageId: '43' }],
    ['https://acme.atlassian.net/ex/confluence/abc/wiki/spaces/HR/pages/9', { pageId: '9', spaceKey: 'HR' }],
    ['  https://acme.atlassian.net/wiki/spaces/HR/pages/123  ', { pageId: '123', spaceKey: 'HR' }],
  ])('parses %s', (raw, expected) => {
    expect(parsePageUrl(raw, HOSTS)).toEqual(expected);
  });

  it('explains that short links cannot be resolved', () => {
    const error = rejection('https://acme.atlassian.net/wiki/x/AbCdEf');
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.userMessage).toMatch(/short links/i);
  });

  it.each([
    'https://evil.com/wiki/spaces/HR/pages/1',
    'https://acme.atlassian.net.evil.com/wiki/spaces/HR/pages/1',
    'https://acme.atlassian.net:8443/wiki/spaces/HR/pages/1',
    'https://other.atlassian.net/wiki/spaces/HR/pages/1',
  ])('refuses a link to another site: %s', (raw) => {
    const error = rejection(raw);
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.userMessage).toMatch(/different Confluence site/);
  });

  it.each([
    'not a url',
    'javascript:alert(1)',
    'https://acme.atlassian.net/',
    'https://acme.atlassian.net/spaces/HR/pages/1',
    'https://acme.atlassian.net/wiki/spaces/HR/pages/abc',
    'https://acme.atlassian.net/wiki/spaces/HR/pages/',
    'https://acme.atlassian.net/wiki/spaces/HR/pages/1e3',
    'https://acme.atlassian.net/wiki/spaces/HR/pages/-1',
    'https://acme.atlassian.net/wiki/spaces/HR/blog/2024/01/01/99/Post',
    'https://acme.atlassian.net/wiki/spaces/HR/overview',
    'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=abc',
    'https://acme.atlassian.net/wiki/pages/viewpage.action',
    `https://acme.atlassian.net/wiki/spaces/HR/pages/${'9'.repeat(25)}`,
  ])('rejects %s', (raw) => {
    expect(rejection(raw).code).toBe('INPUT_INVALID');
  });

  it('accepts the simulator host with its port', () => {
    expect(parsePageUrl('http://127.0.0.1:4321/wiki/spaces/ENG/pages/12/X', ['127.0.0.1:4321'])).toEqual({
      pageId: '12',
      spaceKey: 'ENG',
    });
  });
});
