import { MAX_TITLE_LENGTH } from './page-ref.js';
import { readQuoted } from './read-quoted.js';
import { trimEndWhere } from './scan-text.js';
import { acceptSpaceWord } from './space-key.js';
import type { TitleSearchRef } from './types.js';

const LEADING_PAGE_WORDS =
  /^(?:(?:the|teh|this|that|our|your|my)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)\s+(?:(?:called|named|titled|of|for|about|with\s+(?:the\s+)?(?:name|title))\s+)?(?:(?:the|teh)\s+)?/i;
const LEADING_NAMING =
  /^(?:(?:one|the\s+one)\s+)?(?:called|named|titled)\s+|^(?:an?\s+)?(?:summary|overview|tl;?dr|gist)\s+of\s+(?:the\s+)?/i;
const LEADING_ARTICLE = /^(?:the|teh|this|that|our|your)\s+/i;
const TRAILING_PAGE_NOUN = /\s+(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)$/i;
const TRAILING_SPACE =
  /\s+(?:in|on|from|within|inside)\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space))?$/i;
/** "VPN Setup Guide (OPS)": the space key in brackets after the name. */
const SPACE_IN_BRACKETS = /\s*\(\s*(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,32})\s*\)?()$/i;
const NOT_A_NAME =
  /^(?:the|a|an|it|this|that|these|those|them|one|ones|all|everything|anything|something|nothing|stuff|things|more|results?|pages?|docs?|documents?|me|us|here|there)$/i;

function isStop(char: string): boolean {
  return /[\s.,;:!?)]/u.test(char);
}

/**
 * Reads a page named by its title words ("the VPN Setup Guide", "the release process page", "My
 * page in ENG", "page called Reading List"): drops a leading article or "page called", a trailing
 * "page" (kept when it is all that names the page: "My page"), and takes a trailing `in SPACE`.
 * Returns `undefined` when nothing title-like is left or it is longer than a title can be. Linear:
 * a few anchored patterns over a string capped at twice the title length.
 */
export function readPageName(text: string): TitleSearchRef | undefined {
  let rest = trimEndWhere(text.trim(), isStop);
  if (rest.length === 0 || rest.length > MAX_TITLE_LENGTH * 2) return undefined;
  const quoted = readQuoted(rest, 0, MAX_TITLE_LENGTH * 2);
  let spaceKey: string | undefined;
  const space = TRAILING_SPACE.exec(rest) ?? SPACE_IN_BRACKETS.exec(rest);
  if (space) {
    spaceKey = acceptSpaceWord(space[2] ?? '', space[1] !== undefined || space[3] !== undefined);
    if (spaceKey !== undefined) rest = rest.slice(0, space.index);
  }
  if (quoted?.kind === 'quoted' && (quoted.end === rest.length || spaceKey !== undefined)) {
    rest = quoted.value;
  } else {
    const article = LEADING_ARTICLE.exec(rest);
    const pageWords = LEADING_PAGE_WORDS.exec(rest);
    if (pageWords) rest = rest.slice(pageWords[0].length);
    else if (article) rest = rest.slice(article[0].length);
    rest = rest.replace(LEADING_NAMING, '');
    const noun = TRAILING_PAGE_NOUN.exec(rest);
    if (noun && (article || pageWords || rest.slice(0, noun.index).includes(' ')))
      rest = rest.slice(0, noun.index);
  }
  const inner = readQuoted(rest.trim(), 0, MAX_TITLE_LENGTH * 2);
  const words = (inner?.kind === 'quoted' && inner.end === rest.trim().length ? inner.value : rest).trim();
  if (words.length === 0 || words.length > MAX_TITLE_LENGTH) return undefined;
  if (!/[\p{L}\p{N}]/u.test(words) || NOT_A_NAME.test(words)) return undefined;
  return { kind: 'title-search', words, ...(spaceKey !== undefined ? { spaceKey } : {}) };
}
