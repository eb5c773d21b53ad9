/**
 * Slack mrkdwn from user and page text: escaping, links, Markdown conversion, clipping and
 * splitting. Every function is a single left-to-right pass (or a bounded number of them) with no
 * backtracking regular expression, so cost is linear in the input whatever its shape.
 */

/** Zero-width space: breaks a run of three backticks that would end a code block early. */
const ZWSP = '\u200b';
const FENCE = '```';

/**
 * Escapes the three characters Slack treats as markup in any text: `&`, `<`, `>`. Text passed
 * through it can never form a link, a user or channel mention or a broadcast (`<!here>`,
 * `<!channel>`, `<@U123>` are shown literally).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** True for an absolute `http://` or `https://` URL without whitespace or control characters. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/./i.test(url)) return false;
  for (let i = 0; i < url.length; i += 1)
    if (url.charCodeAt(i) <= 32 || url.charCodeAt(i) === 127) return false;
  return true;
}

/** A URL made safe inside `<…|…>`: the characters that would end or split the link percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[&<>|]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '%3C' : c === '>' ? '%3E' : '%7C'));
}

/** A link label: escaped, on one line, with `|` replaced by a look-alike (`∣`) so it cannot split the link. */
function linkLabel(label: string): string {
  return escapeMrkdwn(label.replace(/[\r\n]+/g, ' ').replaceAll('|', '∣'));
}

/**
 * A mrkdwn link `<url|label>` when `url` is an http(s) URL; otherwise the escaped label alone (a
 * `javascript:` or relative URL never becomes a link). An empty label shows the URL.
 */
export function linkMrkdwn(url: string, label: string): string {
  const text = label.trim() === '' ? url : label;
  if (!isHttpUrl(url)) return linkLabel(text);
  return `<${linkTarget(url)}|${linkLabel(text)}>`;
}

/** Escaped text for inside a ``` block: `&<>` escaped and no run of three backticks left. */
export function codeText(text: string): string {
  return escapeMrkdwn(text).replaceAll(FENCE, `\`${ZWSP}\`${ZWSP}\``);
}

/** Lines as one ``` code block (each line escaped with {@link codeText}). */
export function codeBlock(lines: readonly string[]): string {
  return `${FENCE}\n${lines.map(codeText).join('\n')}\n${FENCE}`;
}

/**
 * Index ≤ `end` at which `text` can be cut without splitting a surrogate pair, an `&…;` entity
 * or a `<…>` link or mention the renderer wrote.
 */
function safeCut(text: string, end: number): number {
  let cut = Math.max(0, Math.min(end, text.length));
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp >= cut - 8 && !text.slice(amp, cut).includes(';')) cut = amp;
  return cut;
}

function countFences(text: string): number {
  let count = 0;
  for (let at = text.indexOf(FENCE); at >= 0; at = text.indexOf(FENCE, at + FENCE.length)) count += 1;
  return count;
}

/**
 * Cuts mrkdwn to at most `max` characters, ending with `…` when cut. Never splits an entity, a
 * link or a surrogate pair, and closes a ``` block left open.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = safeCut(text, max - 1 - (FENCE.length + 1));
  const head = text.slice(0, cut).trimEnd();
  return countFences(head) % 2 === 1 ? `${head}…\n${FENCE}` : `${head}…`;
}

/** Cuts plain text (header, button, placeholder) to `max` characters with `…`, never inside a surrogate pair. */
export function clipPlain(text: string, max: number): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  if (line.length <= max) return line;
  let cut = max - 1;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${line.slice(0, cut)}…`;
}

/** Result of {@link splitMrkdwn}. */
export interface SplitMrkdwn {
  readonly chunks: readonly string[];
  /** True when text was left out because `maxChunks` was reached. */
  readonly truncated: boolean;
}

/**
 * Splits mrkdwn into at most `maxChunks` pieces of at most `maxChars` each, at line breaks where
 * possible; a ``` block crossing a split is closed and reopened so each piece stands alone. Over
 * `maxChunks`, the rest is dropped and the last piece ends with `…`.
 */
export function splitMrkdwn(text: string, maxChars: number, maxChunks: number): SplitMrkdwn {
  const budget = maxChars - 2 * (FENCE.length + 1) - 1;
  const chunks: string[] = [];
  let current = '';
  let inFence = false;
  let truncated = false;

  const flush = (): boolean => {
    if (current === '' || current === FENCE) return true;
    if (chunks.length === maxChunks) return false;
    chunks.push(inFence ? `${current}\n${FENCE}` : current);
    current = inFence ? FENCE : '';
    return true;
  };

  outer: for (const line of text.split('\n')) {
    let rest = line;
    do {
      const room = budget - current.length - 1;
      let piece = rest;
      if (piece.length > room) {
        if (current !== '' && current !== FENCE && rest.length <= budget - FENCE.length - 1) {
          if (!flush()) {
            truncated = true;
            break outer;
          }
          continue;
        }
        const cut = safeCut(rest, Math.max(1, room));
        piece = rest.slice(0, cut > 0 ? cut : Math.max(1, room));
      }
      current = current === '' ? piece : `${current}\n${piece}`;
      rest = rest.slice(piece.length);
      if (rest !== '' && !flush()) {
        truncated = true;
        break outer;
      }
    } while (rest !== '');
    if (line === FENCE) inFence = !inFence;
  }
  if (!truncated && !flush()) truncated = true;
  if (truncated && chunks.length > 0) {
    const last = chunks.length - 1;
    const closed = chunks[last]!.endsWith(`\n${FENCE}`) && inFence;
    chunks[last] = closed
      ? `${chunks[last]!.slice(0, -FENCE.length - 1)}\n…\n${FENCE}`
      : `${chunks[last]}\n…`;
  }
  return { chunks, truncated };
}

const isBlank = (code: number): boolean => code === 32 || code === 9;

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
function plainInline(text: string): string {
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

/** The text of an ATX heading line (`## Title ##` → `Title`), undefined when not a heading. */
function headingText(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i += 1;
  let hashes = 0;
  while (line.charCodeAt(i + hashes) === 35) hashes += 1;
  if (hashes < 1 || hashes > 6) return undefined;
  let start = i + hashes;
  if (start < line.length && !isBlank(line.charCodeAt(start))) return undefined;
  while (start < line.length && isBlank(line.charCodeAt(start))) start += 1;
  let end = line.length;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end -= 1;
  let closing = end;
  while (closing > start && line.charCodeAt(closing - 1) === 35) closing -= 1;
  if (closing === start || isBlank(line.charCodeAt(closing - 1))) end = closing;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end -= 1;
  return line.slice(start, end);
}

/** The fence marker opening a code block (```` ``` ```` or `~~~`, 3+), undefined for other lines. */
function fenceOpen(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i += 1;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let run = 0;
  while (line[i + run] === char) run += 1;
  if (run < 3) return undefined;
  if (char === '`' && line.indexOf('`', i + run) >= 0) return undefined;
  return char.repeat(run);
}

function isFenceClose(line: string, marker: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < marker.length) return false;
  for (let i = 0; i < trimmed.length; i += 1) if (trimmed[i] !== marker[0]) return false;
  return true;
}

function isThematicBreak(line: string): boolean {
  const trimmed = line.trim();
  const marker = trimmed[0];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  let count = 0;
  for (const char of trimmed) {
    if (char === marker) count += 1;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= 3;
}

const isTableLine = (line: string): boolean => line.trimStart().startsWith('|');

/** Cells of a pipe-table row, split on unescaped `|`, escapes and emphasis resolved. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell: string[] = [];
  const text = line.trim();
  for (let i = text[0] === '|' ? 1 : 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      cell.push(char, text[i + 1]!);
      i += 1;
    } else if (char === '|') {
      cells.push(plainInline(cell.join('')).trim());
      cell = [];
    } else {
      cell.push(char);
    }
  }
  const last = cell.join('').trim();
  if (last !== '') cells.push(plainInline(last));
  return cells;
}

function isSeparatorRow(cells: readonly string[]): boolean {
  if (cells.length === 0) return false;
  for (const cell of cells) {
    if (!cell.includes('-')) return false;
    for (const char of cell) if (char !== '-' && char !== ':') return false;
  }
  return true;
}

/** Most columns, rows and characters per cell a table keeps in chat. */
const TABLE_MAX_COLUMNS = 8;
const TABLE_MAX_ROWS = 100;
const TABLE_MAX_CELL = 40;

/**
 * Rows of cells as aligned monospace text in a ``` block (Slack has no tables): at most 8 columns
 * and 100 rows, cells clipped to 40 characters, a `-+-` rule under the first `headerRows` rows.
 */
export function alignedTable(rows: readonly (readonly string[])[], headerRows = 1): string {
  const grid = rows
    .slice(0, TABLE_MAX_ROWS)
    .map((cells) => cells.slice(0, TABLE_MAX_COLUMNS).map((cell) => clipPlain(cell, TABLE_MAX_CELL)));
  const widths: number[] = [];
  for (const cells of grid) {
    for (let c = 0; c < cells.length; c += 1) widths[c] = Math.max(widths[c] ?? 0, cells[c]!.length);
  }
  const lines = grid.map((cells) =>
    widths
      .map((w, c) => (cells[c] ?? '').padEnd(w))
      .join(' | ')
      .trimEnd(),
  );
  if (headerRows > 0 && headerRows < lines.length) {
    lines.splice(headerRows, 0, widths.map((w) => '-'.repeat(Math.max(1, w))).join('-+-'));
  }
  const skipped = rows.length - grid.length;
  if (skipped > 0) lines.push(`… ${skipped} more ${skipped === 1 ? 'row' : 'rows'}`);
  return codeBlock(lines);
}

/** A pipe table as aligned monospace lines inside ``` (the separator row marks the header). */
function tableBlock(lines: readonly string[]): string {
  const rows: string[][] = [];
  let headerRows = 0;
  for (const line of lines) {
    const cells = tableCells(line);
    if (isSeparatorRow(cells)) {
      if (headerRows === 0) headerRows = rows.length;
    } else {
      rows.push(cells);
    }
  }
  return alignedTable(rows, headerRows);
}

/** One non-code, non-table line of Markdown as mrkdwn. */
function lineMrkdwn(line: string): string {
  if (isThematicBreak(line)) return '———';
  const heading = headingText(line);
  if (heading !== undefined) return heading === '' ? '' : `*${inlineMrkdwn(heading, true)}*`;
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i += 1;
  let quote = false;
  while (line[i] === '>') {
    quote = true;
    i += 1;
    while (isBlank(line.charCodeAt(i))) i += 1;
  }
  const prefix = quote ? '> ' : line.slice(0, i);
  const marker = line[i];
  const bullet = (marker === '-' || marker === '*' || marker === '+') && isBlank(line.charCodeAt(i + 1));
  if (bullet) return `${prefix}• ${inlineMrkdwn(line.slice(i + 2))}`;
  return `${prefix}${inlineMrkdwn(line.slice(i))}`;
}

/**
 * Converts Markdown (plain or Teams-flavoured) to Slack mrkdwn: bold `**x**` → `*x*`, headings →
 * bold lines, bullets → `•`, quotes kept, fenced code kept as ``` blocks (content escaped, never
 * closed early), pipe tables → aligned monospace text in ``` blocks, `[label](url)` → `<url|label>`
 * for http(s) URLs only. Every piece of text is escaped (`&<>`), so page text cannot mention
 * anyone or ping a channel. Linear in the input.
 */
export function markdownToMrkdwn(markdown: string): string {
  const lines = markdown.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let fence: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (fence !== undefined) {
      if (isFenceClose(line, fence)) {
        out.push(FENCE);
        fence = undefined;
      } else {
        out.push(codeText(line));
      }
      i += 1;
      continue;
    }
    const open = fenceOpen(line);
    if (open !== undefined) {
      fence = open;
      out.push(FENCE);
      i += 1;
      continue;
    }
    if (isTableLine(line)) {
      let end = i;
      while (end < lines.length && isTableLine(lines[end]!)) end += 1;
      out.push(tableBlock(lines.slice(i, end)));
      i = end;
      continue;
    }
    out.push(lineMrkdwn(line));
    i += 1;
  }
  if (fence !== undefined) out.push(FENCE);
  return out.join('\n');
}
