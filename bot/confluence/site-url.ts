import { isIP } from 'node:net';
import { AppError } from '../errors.js';

const GATEWAY_HOST = 'api.atlassian.com';
const GATEWAY_PATH = /^\/ex\/confluence\/([A-Za-z0-9-]+)$/;

/**
 * Is `hostname` (as `URL.hostname` gives it) a loopback host: `localhost`, an IPv4 address in
 * 127.0.0.0/8, or the IPv6 loopback `::1`?
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

function reject(reason: string): never {
  throw new AppError('CONFLUENCE_BAD_SITE_URL', { message: `Invalid Confluence site URL: ${reason}` });
}

/**
 * Validates and normalises a Confluence Cloud site URL as an admin typed it.
 *
 * Accepts `https://` URLs (and `http://` only to a loopback host, for the local simulator) without
 * credentials, query or fragment. A trailing `/wiki` and trailing slashes are removed. The result
 * is the bare origin (`https://acme.atlassian.net`), or origin plus gateway path for scoped tokens
 * (`https://api.atlassian.com/ex/confluence/{cloudId}`). Any other path is refused.
 *
 * @throws AppError `CONFLUENCE_BAD_SITE_URL` when the URL is unusable.
 */
export function validateSiteUrl(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) reject('empty or too long');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    reject('not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    reject('https:// is required (http:// only for a loopback host)');
  }
  if (url.username !== '' || url.password !== '') reject('credentials are not allowed in the URL');
  if (url.search !== '' || trimmed.includes('?')) reject('a query string is not allowed');
  if (url.hash !== '' || trimmed.includes('#')) reject('a fragment is not allowed');
  if (url.hostname === '') reject('missing host');
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/wiki$/i, '').replace(/\/+$/, '');
  if (path === '') return url.origin;
  const gateway = GATEWAY_PATH.exec(path);
  if (gateway && (url.hostname === GATEWAY_HOST || isLoopbackHost(url.hostname))) {
    return `${url.origin}/ex/confluence/${gateway[1]}`;
  }
  return reject('only the site root or the api.atlassian.com/ex/confluence/{cloudId} form is allowed');
}
