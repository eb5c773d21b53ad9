import { AppError } from '../errors.js';

/** What a Confluence page URL points at. */
export interface ParsedPageUrl {
  readonly pageId: string;
  /** Present when the URL names the space (`/wiki/spaces/KEY/...`). */
  readonly spaceKey?: string;
}

const PAGE_ID = /^\d{1,20}$/;
const GATEWAY_PREFIX = /^\/ex\/confluence\/[A-Za-z0-9-]+(?=\/)/;

function invalid(userMessage: string): never {
  throw new AppError('INPUT_INVALID', { userMessage, message: `Unusable page URL: ${userMessage}` });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return invalid('That page link is malformed.');
  }
}

/**
 * Extracts the page id from a Confluence Cloud page URL.
 *
 * Understood forms (under `/wiki`, optionally behind `/ex/confluence/{cloudId}`):
 * `/spaces/KEY/pages/ID[/Title]`, `/spaces/KEY/pages/edit-v2/ID` (and `edit/ID`),
 * `/pages/viewpage.action?pageId=ID`. Short links (`/wiki/x/...`) cannot be resolved offline.
 * The URL's host (with port) must be one of `allowedHosts` (compared case-insensitively), so a
 * link to another site is never fetched with this site's credentials.
 *
 * @throws AppError `INPUT_INVALID` with a user-facing explanation for anything else.
 */
export function parsePageUrl(raw: string, allowedHosts: readonly string[]): ParsedPageUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return invalid('That is not a valid page link.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('Page links must be http(s) URLs.');
  const hosts = allowedHosts.map((h) => h.toLowerCase());
  if (!hosts.includes(url.host.toLowerCase())) {
    invalid('That link points to a different Confluence site than the one this bot is connected to.');
  }
  const path = url.pathname.replace(GATEWAY_PREFIX, '');
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments[0] !== 'wiki') invalid('That link is not a Confluence page link.');
  const rest = segments.slice(1);
  if (rest[0] === 'x') {
    invalid(
      'Short links (/wiki/x/...) cannot be resolved. Open the link in a browser and paste the full page URL, or give the page id.',
    );
  }
  if (rest[0] === 'pages' && rest[1] === 'viewpage.action') {
    const id = url.searchParams.get('pageId') ?? '';
    if (!PAGE_ID.test(id)) invalid('That link does not carry a numeric pageId.');
    return { pageId: id };
  }
  if (rest[0] === 'spaces' && rest[1] !== undefined && rest[2] === 'pages') {
    const spaceKey = decodeSegment(rest[1]);
    const candidate = rest[3] === 'edit-v2' || rest[3] === 'edit' ? rest[4] : rest[3];
    if (candidate !== undefined && PAGE_ID.test(candidate)) return { pageId: candidate, spaceKey };
    invalid('That link does not contain a page id.');
  }
  return invalid(
    'That link is not a Confluence page link (blog posts, folders and other content are not pages).',
  );
}
