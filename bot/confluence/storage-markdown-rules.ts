/**
 * Small pure rules of the storage → Markdown renderer: which tags mean what, emoticons, link
 * safety and the escaping of page text. Every function here is linear and uses no regex that can
 * backtrack on page text.
 */

/** Panel macros and the label their blockquote starts with (`panel` has none). */
export const PANEL_LABELS: Readonly<Record<string, string>> = {
  info: 'Info',
  note: 'Note',
  warning: 'Warning',
  tip: 'Tip',
  panel: '',
};

/** Macros whose rich body is shown as if the macro were not there. */
export const TRANSPARENT_MACROS: ReadonlySet<string> = new Set([
  'excerpt',
  'section',
  'column',
  'details',
  'div',
  'span',
]);

/** Macros that show nothing at all (they only mark a place in the page). */
export const INVISIBLE_MACROS: ReadonlySet<string> = new Set(['anchor']);

/** HTML elements never shown: code, styling and document metadata. */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'colgroup',
  'col',
  'head',
  'title',
  'meta',
  'link',
]);

/** Storage parents in which a lone macro placeholder is a paragraph of its own. */
export const BLOCK_CONTAINERS: ReadonlySet<string> = new Set([
  'ac:rich-text-body',
  'ac:layout-cell',
  'ac:layout-section',
  'ac:layout',
  'ac:adf-fallback',
  'div',
  'blockquote',
  'body',
  'section',
]);

/** How an HTML element renders; elements not listed show their content only. */
export type HtmlKind =
  | 'block'
  | 'paragraph'
  | 'quote'
  | 'heading'
  | 'strong'
  | 'em'
  | 'del'
  | 'code'
  | 'list'
  | 'item'
  | 'table'
  | 'section'
  | 'row'
  | 'cell';

/** Storage HTML tag → how it renders. Aliases (b, i, tt, dd…) map to the kind they render as. */
export const HTML_KINDS: Readonly<Record<string, HtmlKind>> = {
  p: 'paragraph',
  dt: 'paragraph',
  div: 'block',
  section: 'block',
  article: 'block',
  header: 'block',
  footer: 'block',
  dl: 'block',
  blockquote: 'quote',
  dd: 'quote',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  var: 'em',
  cite: 'em',
  del: 'del',
  s: 'del',
  strike: 'del',
  code: 'code',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
  ul: 'list',
  ol: 'list',
  li: 'item',
  table: 'table',
  thead: 'section',
  tbody: 'section',
  tfoot: 'section',
  tr: 'row',
  th: 'cell',
  td: 'cell',
};

const EMOTICONS: Readonly<Record<string, string>> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  'red-star': '⭐',
  'green-star': '⭐',
  'blue-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

/** The text of an emoticon: its emoji fallback, our emoji for its name, or `:name:`. */
export function emoticonText(name: string, fallback: string): string {
  if (fallback && !fallback.startsWith(':')) return fallback;
  return EMOTICONS[name] ?? (fallback || `:${placeholderName(name)}:`);
}

/** A macro or element name made safe for a `[macro: …]` placeholder (no brackets, no markup). */
export function placeholderName(name: string): string {
  const clean = escapeInline(name.replace(/[^\w .:/-]/g, '').trim());
  return clean === '' ? 'unknown' : clean;
}

/** Label text for a placeholder: brackets become parentheses, whitespace one space, specials escaped. */
export function bracketSafe(text: string): string {
  return escapeInline(text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim());
}

/**
 * `…/wiki` base of the site, or undefined when `baseUrl` is missing or not http(s) (so a page
 * link can never point at a `javascript:` base).
 */
export function toWikiBase(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    let path = url.pathname;
    while (path.endsWith('/')) path = path.slice(0, -1);
    if (path.endsWith('/wiki')) path = path.slice(0, -5);
    return `${url.origin}${path}/wiki`;
  } catch {
    return undefined;
  }
}

/** An href chat may link to: http(s) and mailto as written, site-relative paths made absolute. */
export function safeHref(href: string, wikiBase: string | undefined): string | undefined {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && wikiBase) {
    return `${new URL(wikiBase).origin}${trimmed}`;
  }
  return undefined;
}

/** A link destination that cannot end the `(…)` early: `<>()` escaped, wrapped in `<>` if it has spaces. */
export function escapeLinkDestination(href: string): string {
  const escaped = href.replace(/[<>()]/g, '\\$&');
  return escaped.includes(' ') ? `<${escaped}>` : escaped;
}

const INLINE_SPECIALS = /[\\*`[\]_~]|<(?=[A-Za-z/!?]|$)/g;

/**
 * Escapes the Markdown specials that work anywhere in a line: `\ * _ ` [ ] ~` and a `<` that
 * could open an autolink or HTML tag, so page text cannot make links, emphasis or code.
 */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&');
}

/**
 * Escapes page text. `atStart` says the text starts a text run, where line-start syntax (`- `,
 * `+ `, `1. `, `# `, `>`, `===`) would otherwise turn it into a list, heading or quote.
 */
export function escapeText(text: string, atStart: boolean): string {
  const escaped = escapeInline(text);
  if (!atStart) return escaped;
  const first = escaped[0];
  if (first === '-' || first === '=' || first === '>') return `\\${escaped}`;
  if (first === '+' && escaped[1] === ' ') return `\\${escaped}`;
  if (first === '#') {
    let hashes = 1;
    while (escaped[hashes] === '#') hashes += 1;
    return hashes <= 6 && escaped[hashes] === ' ' ? `\\${escaped}` : escaped;
  }
  if (first !== undefined && first >= '0' && first <= '9') {
    let digits = 1;
    while ((escaped[digits] ?? '') >= '0' && (escaped[digits] ?? '') <= '9') digits += 1;
    if (escaped[digits] === '.' && escaped[digits + 1] === ' ') {
      return `${escaped.slice(0, digits)}\\${escaped.slice(digits)}`;
    }
  }
  return escaped;
}

/** Collapses runs of HTML whitespace (space, tab, CR, LF) to one space, as a browser shows text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ');
}

function isJsWhitespace(char: string): boolean {
  return char.trim() === '';
}

/**
 * A table cell's Markdown on one line: trimmed, every whitespace run that holds a line break made
 * one space, and `|` escaped so the cell cannot split. One linear scan.
 */
export function toCellText(markdown: string): string {
  const text = markdown.trim();
  const out: string[] = [];
  let runStart = -1;
  let runHasBreak = false;
  for (let index = 0; index <= text.length; index += 1) {
    const char = text[index];
    if (char !== undefined && isJsWhitespace(char)) {
      if (runStart < 0) runStart = index;
      if (char === '\n') runHasBreak = true;
      continue;
    }
    if (runStart >= 0) {
      out.push(runHasBreak ? ' ' : text.slice(runStart, index));
      runStart = -1;
      runHasBreak = false;
    }
    if (char !== undefined) out.push(char === '|' ? '\\|' : char);
  }
  return out.join('');
}

/** The fence for a code block: three backticks, or one more than the longest fence-like line inside. */
export function fenceFor(lines: readonly string[]): string {
  let size = 3;
  for (const line of lines) {
    let ticks = 0;
    while (line[ticks] === '`') ticks += 1;
    if (ticks >= size) size = ticks + 1;
  }
  return '`'.repeat(size);
}

/** Inline code with a delimiter longer than any backtick run inside (and padding if it starts/ends with one). */
export function inlineCode(content: string): string {
  const code = content.replace(/\r\n|\r|\n/g, ' ');
  const runs = new Set<number>();
  let run = 0;
  for (let index = 0; index <= code.length; index += 1) {
    if (code[index] === '`') run += 1;
    else if (run > 0) {
      runs.add(run);
      run = 0;
    }
  }
  let size = 1;
  while (runs.has(size)) size += 1;
  const delimiter = '`'.repeat(size);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${delimiter}${pad}${code}${pad}${delimiter}`;
}
