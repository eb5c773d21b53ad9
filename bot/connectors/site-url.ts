import { AppError } from '../errors.js';

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Validates and normalises a Confluence site URL: `https://` (or `http://` to a loopback host, for
 * the local simulator), no credentials, query or fragment; trailing `/` and a trailing `/wiki` are
 * removed (the client appends `/wiki/...`). A path is kept (the `api.atlassian.com/ex/confluence/
 * {cloudId}` gateway form). Throws `AppError('CONFLUENCE_BAD_SITE_URL')`.
 */
export function normalizeSiteUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('CONFLUENCE_BAD_SITE_URL');
  }
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!schemeOk || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new AppError('CONFLUENCE_BAD_SITE_URL');
  }
  if (input.includes('?') || input.includes('#')) {
    throw new AppError('CONFLUENCE_BAD_SITE_URL');
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/wiki$/i, '');
  return `${url.protocol}//${url.host}${path}`;
}
