import type { PageRef } from '../confluence/types.js';
import { echoAsCode } from './echo-text.js';
import { readQuoted } from './read-quoted.js';
import { readOfSpaceClause, readSpaceClause } from './space-key.js';
import { CAPITALS_NOT_A_SPACE } from './space-phrase.js';
import { TextCursor } from './text-cursor.js';

/** Result of {@link readPageRef}: a reference, or a reason the user's reference cannot be used. */
export type PageRefRead =
  | { readonly kind: 'ref'; readonly ref: PageRef }
  | { readonly kind: 'error'; readonly message: string };

/** Longest page title Confluence accepts. */
export const MAX_TITLE_LENGTH = 255;
const TITLE_TOO_LONG = `Page titles can be at most ${MAX_TITLE_LENGTH} characters.`;

const LINK_TAG = /<a\s[^>]{0,1000}?href\s*=\s*["']([^"'<>]{1,4000})["'][^>]{0,1000}>[^<]{0,4000}<\/a>/iy;
const MARKDOWN_LINK =
  /\[[^\]\n]{0,500}\]\((https?:\/\/[^\s()]{1,4000}(?:\([^\s()]{0,200}\)[^\s()]{0,4000})*)\)/iy;
const ANGLE_URL = /<(https?:\/\/[^\s<>]{1,4000})>/iy;
const BARE_URL = /https?:\/\/[^\s<>"`]{1,4000}/iy;
const SCHEMELESS_URL = /(?:[a-z0-9-]{1,63}\.)+atlassian\.net(?::\d{1,5})?\/[^\s<>"`]{0,4000}/iy;
const TRAILING_PUNCTUATION = /^[.,;:!?'"”’»\]}>]$/;
const REF_PREFIX =
  /(?:the\s+|this\s+|that\s+)?(?:confluence\s+|wiki\s+)?(?:page|pg(?=\s*(?:(?:[#:]|no\.?|nr\.?|number)\s*)?\d)|doc|document|article)\b\s*(?:(?:with\s+)?(?:the\s+)?id\b\s*)?(?:(?:called|named|titled)\b\s*)?(?:#|no\.?\s*(?=\d)|nr\.?\s*(?=\d)|number\s+)?[:=]?\s*|(?:page[\s-]?)?id\s*[:=#]?\s*|#(?=\d)/iy;
const PAGE_ID = /(\d{1,19})(?![\p{L}\p{N}_]|[.\-/:,][\p{L}\p{N}])/iuy;

/**
 * A space key in capitals right after a quoted title, with no preposition: in parentheses (`"Laptop
 * Setup" (OPS)`) or ending the line (`get "Code of Conduct" HR`, `"X", OPS`).
 */
const KEY_AFTER_TITLE =
  /\s*(?:\(\s*(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?\s*\)|,?\s+(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?(?=[\s.!?]*$))/y;

/** Reads {@link KEY_AFTER_TITLE} at the cursor and returns the key, or `undefined` and the cursor unmoved. */
function readKeyAfterTitle(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const match = cursor.take(KEY_AFTER_TITLE);
  const key = match ? (match[1] ?? match[2])! : undefined;
  if (key === undefined || !CAPITALS_NOT_A_SPACE.has(key)) return key;
  cursor.pos = start;
  return undefined;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

/** Drops trailing sentence punctuation and unbalanced `)`; parentheses are counted once, not per step. */
function trimUrl(url: string): string {
  let end = url.length;
  const opens = count(url, '(');
  let closes = count(url, ')');
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if (TRAILING_PUNCTUATION.test(last)) {
      end -= 1;
    } else if (last === ')' && closes > opens) {
      end -= 1;
      closes -= 1;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Reads a page URL at the cursor: a bare `http(s)://…` link (trailing sentence punctuation dropped),
 * `<url>`, a Markdown `[text](url)`, a Teams `<a href="url">…</a>`, or a scheme-less
 * `site.atlassian.net/…` link (given `https://`). Returns the URL exactly as written otherwise; the
 * Confluence client decides whether it is a page of the connected site.
 */
export function readUrl(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const tagged = cursor.take(LINK_TAG) ?? cursor.take(MARKDOWN_LINK) ?? cursor.take(ANGLE_URL);
  if (tagged) {
    const url = tagged[1] ?? '';
    if (isHttpUrl(url)) return url;
    cursor.pos = start;
    return undefined;
  }
  const bare = cursor.take(BARE_URL);
  const schemeless = bare ? undefined : cursor.take(SCHEMELESS_URL);
  const found = bare?.[0] ?? (schemeless ? `https://${schemeless[0]}` : undefined);
  if (found === undefined) return undefined;
  const url = trimUrl(found);
  cursor.pos = start + (bare ? url.length : url.length - 'https://'.length);
  if (isHttpUrl(url)) return url;
  cursor.pos = start;
  return undefined;
}

/** Most link candidates {@link findUrl} reads; each read is bounded, so the whole search is too. */
const MAX_URL_CANDIDATES = 32;
const HOST_CHAR = /^[a-z0-9.-]$/i;

/** Where the host name that ends just before `end` starts (at most 253 characters back). */
function hostStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 253 && HOST_CHAR.test(text[start - 1]!)) start -= 1;
  while (start < end && text[start] === '.') start += 1;
  return start;
}

/**
 * Finds the first page URL anywhere in `text` (see {@link readUrl}), reading at most
 * {@link MAX_URL_CANDIDATES} link-like spots: a message with more stray `[` or `<a` than that before
 * its link is not a page request anyone typed, and every read costs up to a few thousand characters.
 */
export function findUrl(text: string): string | undefined {
  const pattern = /<a\s|\[|<https?:|https?:\/\/|\.atlassian\.net/gi;
  let tried = 0;
  for (let match = pattern.exec(text); match && tried < MAX_URL_CANDIDATES; match = pattern.exec(text)) {
    tried += 1;
    const cursor = new TextCursor(text);
    cursor.pos = match[0].startsWith('.') ? hostStart(text, match.index) : match.index;
    if (cursor.pos === match.index && match[0].startsWith('.')) continue;
    const url = readUrl(cursor);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** Checks a title the user typed: not blank, no line breaks, at most 255 characters. */
export function checkTitle(title: string): string | undefined {
  if (title.trim().length === 0) return 'The page title is empty.';
  if (title.length > MAX_TITLE_LENGTH) return TITLE_TOO_LONG;
  return undefined;
}

/**
 * Reads a page reference at the cursor: a page URL, a page id (`123`, `page 123`, `page #123`,
 * `id:123`), or a quoted title followed by `in SPACE` (or `defaultSpace` when given). Leaves the
 * cursor alone and returns `undefined` when there is no reference there; returns `error` when the
 * user clearly meant a page but it cannot be used (unclosed quote, title without a space).
 */
export function readPageRef(cursor: TextCursor, defaultSpace?: string): PageRefRead | undefined {
  const start = cursor.pos;
  cursor.skipSpaces();
  const afterSpaces = cursor.pos;
  const url = readUrl(cursor);
  if (url !== undefined) return { kind: 'ref', ref: { kind: 'url', url } };
  cursor.take(REF_PREFIX);
  const prefixed = cursor.pos > afterSpaces;
  const urlAfterPrefix = prefixed ? readUrl(cursor) : undefined;
  if (urlAfterPrefix !== undefined) return { kind: 'ref', ref: { kind: 'url', url: urlAfterPrefix } };
  const id = cursor.take(PAGE_ID);
  if (id) return { kind: 'ref', ref: { kind: 'id', id: id[1]! } };
  const quoted = readQuoted(cursor.text, cursor.pos, MAX_TITLE_LENGTH * 2);
  if (quoted?.kind === 'too-long') return { kind: 'error', message: TITLE_TOO_LONG };
  if (quoted?.kind === 'unbalanced') {
    return { kind: 'error', message: `The page title has an opening ${quoted.open} but no closing quote.` };
  }
  if (quoted?.kind === 'quoted') {
    cursor.pos = quoted.end;
    const title = quoted.value.trim();
    const problem = checkTitle(title);
    if (problem) return { kind: 'error', message: problem };
    const spaceKey =
      readSpaceClause(cursor) ?? readOfSpaceClause(cursor) ?? readKeyAfterTitle(cursor) ?? defaultSpace;
    if (spaceKey === undefined) {
      return {
        kind: 'error',
        message: `Which space is ${echoAsCode(title)} in? Page titles are only unique within a space: add \`in SPACEKEY\` after the title.`,
      };
    }
    return { kind: 'ref', ref: { kind: 'title', title, spaceKey } };
  }
  cursor.pos = start;
  return undefined;
}
