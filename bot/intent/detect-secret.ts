import { trimEndWhere } from './scan-text.js';

/** Atlassian API tokens (classic `ATATT3…`, and `ATCTT3…`) are long base64url strings after a fixed prefix. */
const ATLASSIAN_TOKEN = /AT[AC]TT3[A-Za-z0-9_\-+/=]{20,}/;
const SECRET_WORD =
  /\b(?:api[\s_-]?token|token|password|passwd|pwd|pass|secret|api[\s_-]?key|apikey|credentials?|pat)\b/gi;
const CANDIDATE = /^[A-Za-z0-9_\-+/=.~]{16,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WINDOW = 80;
const MIN_ENTROPY_BITS = 3;

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function isHighEntropyCandidate(word: string): boolean {
  if (!CANDIDATE.test(word) || UUID.test(word)) return false;
  if (word.startsWith('/') || word.startsWith('.') || word.includes('//') || word.split('/').length > 2)
    return false;
  if (!/\d/.test(word) || !/[A-Za-z]/.test(word)) return false;
  return shannonEntropy(word) >= MIN_ENTROPY_BITS;
}

/** True when a word of `region` (the text after secret words) could be a token. */
function hasCandidate(region: string): boolean {
  for (const piece of region.split(/[\s"'`,;()<>[\]{}|*]+/)) {
    const word = trimEndWhere(piece.replace(/^[:=]+/, ''), (c) => c === '.' || c === ':' || c === '=');
    if (isHighEntropyCandidate(word)) return true;
  }
  return false;
}

/**
 * True when `text` seems to contain an Atlassian API token: an `ATATT3…`/`ATCTT3…` string anywhere,
 * or a long (16+), high-entropy string of letters and digits within a few words after "token",
 * "password", "secret", "api key" and the like. Page ids, URLs, UUIDs and ordinary words are not
 * tokens. Used to refuse (and never echo or forward) such messages. Windows that overlap ("token
 * token token …") are merged and read once, so the cost is linear in `text`. Never throws.
 */
export function looksLikeApiToken(text: string): boolean {
  if (ATLASSIAN_TOKEN.test(text)) return true;
  SECRET_WORD.lastIndex = 0;
  let start = -1;
  let end = -1;
  for (let match = SECRET_WORD.exec(text); match; match = SECRET_WORD.exec(text)) {
    const after = match.index + match[0].length;
    if (after <= end) {
      end = after + WINDOW;
      continue;
    }
    if (start >= 0 && hasCandidate(text.slice(start, end))) return true;
    start = after;
    end = after + WINDOW;
  }
  return start >= 0 && hasCandidate(text.slice(start, end));
}
