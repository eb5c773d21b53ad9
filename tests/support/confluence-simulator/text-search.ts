/** A word found in a text, with its position (for highlighting). */
export interface TextToken {
  term: string;
  start: number;
  end: number;
}

/** What a `~` literal asks for: every term and every phrase must occur. */
export interface TextQuery {
  terms: string[];
  phrases: string[][];
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** Lower-cases and strips a plural `s` (a tiny stand-in for Lucene's stemmer). */
export function normalizeTerm(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 3 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** Splits text into normalized word tokens (letters/digits runs), keeping their offsets. */
export function tokenizeText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    tokens.push({ term: normalizeTerm(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

function analyze(text: string): string[] {
  return tokenizeText(text)
    .map((t) => t.term)
    .filter((t) => !STOP_WORDS.has(t));
}

/**
 * Turns a `~` literal into terms and phrases: `"…"` inside the literal is a phrase; the rest
 * are terms (stop words dropped, trailing `*` = prefix match kept as `foo*`).
 */
export function parseTextQuery(literal: string): TextQuery {
  const phrases: string[][] = [];
  const outside = literal.replace(/"([^"]*)"/g, (_m, phrase: string) => {
    const words = tokenizeText(phrase).map((t) => t.term);
    if (words.length > 0) phrases.push(words);
    return ' ';
  });
  const terms: string[] = [];
  for (const raw of outside.split(/\s+/)) {
    const prefix = /^([\p{L}\p{N}]+)\*$/u.exec(raw);
    if (prefix?.[1]) terms.push(`${prefix[1].toLowerCase()}*`);
    else terms.push(...analyze(raw));
  }
  return { terms, phrases };
}

function termMatches(queryTerm: string, term: string): boolean {
  return queryTerm.endsWith('*') ? term.startsWith(queryTerm.slice(0, -1)) : term === queryTerm;
}

function phraseAt(tokens: readonly TextToken[], phrase: readonly string[], at: number): boolean {
  return phrase.every((word, offset) => tokens[at + offset]?.term === word);
}

/** True when every term and phrase of `query` occurs in `tokens` (empty query never matches). */
export function matchesTextQuery(tokens: readonly TextToken[], query: TextQuery): boolean {
  if (query.terms.length === 0 && query.phrases.length === 0) return false;
  const termsOk = query.terms.every((q) => tokens.some((t) => termMatches(q, t.term)));
  const phrasesOk = query.phrases.every((p) => tokens.some((_t, i) => phraseAt(tokens, p, i)));
  return termsOk && phrasesOk;
}

/** How many query hits `tokens` holds (a crude relevance score). */
export function countHits(tokens: readonly TextToken[], query: TextQuery): number {
  return findHitRanges(tokens, query).length;
}

/** Character ranges of `tokens` that any term or phrase of `query` matches, sorted, merged. */
export function findHitRanges(tokens: readonly TextToken[], query: TextQuery): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tokens.forEach((token, i) => {
    if (query.terms.some((q) => termMatches(q, token.term))) ranges.push([token.start, token.end]);
    for (const phrase of query.phrases) {
      if (phraseAt(tokens, phrase, i)) {
        const last = tokens[i + phrase.length - 1];
        if (last) ranges.push([token.start, last.end]);
      }
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Escapes text for HTML the way Confluence excerpts are escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Options for {@link buildExcerpt}. */
export interface ExcerptOptions {
  highlight: boolean;
  escape: boolean;
  maxLength?: number;
}

/**
 * Builds an excerpt of `text` around the first hit: up to `maxLength` (default 240) characters,
 * cut at word boundaries, hits wrapped in `@@@hl@@@`…`@@@endhl@@@` when `highlight`,
 * HTML-escaped when `escape`.
 */
export function buildExcerpt(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  options: ExcerptOptions,
): string {
  const maxLength = options.maxLength ?? 240;
  const flat = text.replace(/\s/g, ' ');
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - 60) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space === -1 || space >= (first?.[0] ?? 0) ? start : space + 1;
  }
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const encode = (s: string): string => (options.escape ? escapeHtml(s) : s);
  let out = '';
  let cursor = start;
  if (options.highlight) {
    for (const [from, to] of ranges) {
      if (to <= start || from >= end) continue;
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      out += `${encode(flat.slice(cursor, a))}@@@hl@@@${encode(flat.slice(a, b))}@@@endhl@@@`;
      cursor = b;
    }
  }
  out += encode(flat.slice(cursor, end));
  return `${start > 0 ? '...' : ''}${out.trim()}${end < flat.length ? '...' : ''}`;
}

/** Wraps the hits of `title` in highlight markers (no escaping: titles are returned as stored). */
export function highlightTitle(title: string, query: TextQuery): string {
  const ranges = findHitRanges(tokenizeText(title), query);
  let out = '';
  let cursor = 0;
  for (const [from, to] of ranges) {
    out += `${title.slice(cursor, from)}@@@hl@@@${title.slice(from, to)}@@@endhl@@@`;
    cursor = to;
  }
  return out + title.slice(cursor);
}
