/**
 * Inline Markdown (one line: emphasis, code spans, links, images, escapes) as Slack mrkdwn, in one
 * left-to-right pass with no backtracking regular expression.
 */
import { escapeMrkdwn, isHttpUrl, linkMrkdwn, ZWSP } from './mrkdwn.js';

function isAsciiPunctuation(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/**
 * Finds the next occurrence of one character at or after a position, remembering the last answer:
 * with positions that only grow (a left-to-right scan), the whole scan costs O(text length).
 * `unescaped` skips occurrences preceded by an odd number of backslashes.
 */
class NextChar {
  private from = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
    private readonly unescaped: boolean,
  ) {}

  at(from: number): number {
    if (this.from >= 0 && from >= this.from && (this.found < 0 || from <= this.found)) return this.found;
    let at = this.text.indexOf(this.char, from);
    while (at >= 0 && this.unescaped && isEscaped(this.text, at)) at = this.text.indexOf(this.char, at + 1);
    this.from = from;
    this.found = at;
    return at;
  }
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && text.charCodeAt(at - slashes - 1) === 92) slashes += 1;
  return slashes % 2 === 1;
}

/** Markdown inline text as plain text: backslash escapes resolved, `**`, `~~` and backticks dropped. */
export function plainInline(text: string): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && isAsciiPunctuation(text[i + 1])) {
      out.push(text[i + 1]!);
      i += 1;
    } else if ((char === '*' && text[i + 1] === '*') || (char === '~' && text[i + 1] === '~')) {
      i += 1;
    } else if (char !== '`') {
      out.push(char);
    }
  }
  return out.join('');
}

/**
 * Converts one line of inline Markdown to mrkdwn: `**x**` → `*x*`, `~~x~~` → `~x~`, code spans
 * kept, `[label](url)` → `<url|label>` (http(s) only), `![alt](src)` → `[image: alt]`, backslash
 * escapes resolved, `&<>` escaped. `dropBold` removes `**` (for text the caller shows bold).
 */
export function inlineMrkdwn(text: string, dropBold = false): string {
  const out: string[] = [];
  const closeBracket = new NextChar(text, ']', true);
  const openBracket = new NextChar(text, '[', true);
  const closeParen = new NextChar(text, ')', false);
  const codeCloseMiss = new Set<number>();
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && isAsciiPunctuation(text[i + 1])) {
      out.push(escapeMrkdwn(text[i + 1]!));
      i += 2;
      continue;
    }
    if (char === '*' && text[i + 1] === '*') {
      if (!dropBold) out.push('*');
      i += 2;
      continue;
    }
    if (char === '~' && text[i + 1] === '~') {
      out.push('~');
      i += 2;
      continue;
    }
    if (char === '`') {
      let run = 1;
      while (text[i + run] === '`') run += 1;
      const marker = '`'.repeat(run);
      const close = codeCloseMiss.has(run) ? -1 : text.indexOf(marker, i + run);
      if (close < 0) {
        codeCloseMiss.add(run);
        out.push(run >= 3 ? [...marker].join(ZWSP) : marker);
        i += run;
        continue;
      }
      const content = text.slice(i + run, close).replaceAll('`', 'ˋ');
      const trimmed = run > 1 ? content.trim() : content;
      if (trimmed !== '') out.push(`\`${escapeMrkdwn(trimmed)}\``);
      i = close + run;
      continue;
    }
    const image = char === '!' && text[i + 1] === '[';
    if (char === '[' || image) {
      const start = image ? i + 1 : i;
      const end = closeBracket.at(start + 1);
      const nested = openBracket.at(start + 1);
      if (end > 0 && text[end + 1] === '(' && (nested < 0 || nested > end)) {
        let paren = closeParen.at(end + 2);
        if (paren > 0) {
          let open = 0;
          for (let at = end + 2; at < paren; at += 1) if (text.charCodeAt(at) === 40) open += 1;
          while (open > 0 && text[paren + 1] === ')') {
            paren += 1;
            open -= 1;
          }
          const target = text.slice(end + 2, paren).trim();
          const space = target.search(/\s/);
          const url = space < 0 ? target : target.slice(0, space);
          const label = plainInline(text.slice(start + 1, end));
          if (image) {
            const alt = label.trim() === '' ? 'image' : `image: ${label}`;
            out.push(isHttpUrl(url) ? linkMrkdwn(url, alt) : escapeMrkdwn(`[${alt}]`));
          } else {
            out.push(linkMrkdwn(url, label));
          }
          i = paren + 1;
          continue;
        }
      }
      out.push(char);
      i += 1;
      continue;
    }
    out.push(char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char);
    i += 1;
  }
  return out.join('');
}
