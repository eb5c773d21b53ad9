/** Closing marks accepted for each opening quote (straight, curly, guillemets, low-9, CJK corner). */
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '“': '”“',
  '”': '”',
  '‘': '’‘',
  '’': '’',
  '«': '»',
  '»': '«',
  '„': '“”"',
  '‚': '‘’',
  '「': '」',
  '『': '』',
  '‹': '›',
  '›': '‹',
  '＂': '＂',
  '`': '`',
};

/** Quote marks that double as apostrophes: they only close when not followed by a letter or digit. */
const APOSTROPHES = "'’";

/** Result of {@link readQuoted}. */
export type QuotedRead =
  | { readonly kind: 'quoted'; readonly value: string; readonly end: number }
  | { readonly kind: 'unbalanced'; readonly open: string }
  | { readonly kind: 'too-long'; readonly open: string };

/** True when `char` opens a quoted string. */
export function isOpeningQuote(char: string | undefined): boolean {
  return char !== undefined && Object.hasOwn(CLOSERS, char);
}

/**
 * Reads a quoted string starting at `start` (which must hold an opening quote; otherwise returns
 * `undefined`). A backslash escapes the next quote mark or backslash. The value is returned exactly
 * as typed between the quotes; `end` is the index just past the closing quote. An unclosed quote
 * yields `unbalanced`. With `maxLength`, a value longer than that yields `too-long` as soon as it is
 * known, so callers that try many start positions (titles are at most 255 characters) stay linear.
 * Never throws.
 */
export function readQuoted(
  text: string,
  start: number,
  maxLength = Number.POSITIVE_INFINITY,
): QuotedRead | undefined {
  const open = text[start];
  if (open === undefined || !isOpeningQuote(open)) return undefined;
  const closers = CLOSERS[open] ?? open;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (value.length > maxLength) return { kind: 'too-long', open };
    const char = text[i]!;
    const next = text[i + 1];
    if (
      char === '\\' &&
      next !== undefined &&
      (next === '\\' || isOpeningQuote(next) || closers.includes(next))
    ) {
      value += next;
      i += 2;
      continue;
    }
    if (
      closers.includes(char) &&
      !(APOSTROPHES.includes(char) && next !== undefined && /[\p{L}\p{N}]/u.test(next))
    ) {
      return { kind: 'quoted', value, end: i + 1 };
    }
    value += char;
    i += 1;
  }
  return { kind: 'unbalanced', open };
}

/**
 * One pass over `text` up to `end` with double-quoted spans tracked (straight quotes, `\"` escaped, or
 * “…”; single quotes double as apostrophes, "We'd", and are not counted): where the first `char` outside
 * them is (-1 when none, or no `char` given), and whether a span is open at `end`.
 */
function scanQuotes(text: string, end: number, char?: string): { index: number; open: boolean } {
  let open = false;
  for (let i = 0; i < end; i += 1) {
    const at = text[i];
    if (at === '\\') i += 1;
    else if (at === '"') open = !open;
    else if (at === '“') open = true;
    else if (at === '”') open = false;
    else if (at === char && !open) return { index: i, open };
  }
  return { index: -1, open };
}

/** True when `at` sits inside a double-quoted span of `text` (see {@link scanQuotes}). */
export function isInsideQuotes(text: string, at: number): boolean {
  return scanQuotes(text, at).open;
}

/**
 * Where the first `char` of `text` outside double-quoted spans is, or -1: the colon of `named "Runbook:
 * DNS": check resolvers` that starts the text, not the title's own.
 */
export function indexOutsideQuotes(text: string, char: string): number {
  return scanQuotes(text, text.length, char).index;
}
