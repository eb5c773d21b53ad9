/** Pure text helpers for card view data: times, ages, Teams-flavoured Markdown, truncation. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Formats an ISO 8601 instant as `YYYY-MM-DD HH:mm UTC`. Returns the input unchanged when it is not
 * a valid date (display code never throws).
 */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Formats a duration for people: `just now`, `5 minutes`, `3 hours`, `2 days` (never negative). */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (safe < MINUTE) return 'just now';
  if (safe < HOUR) return unit(Math.floor(safe / MINUTE), 'minute');
  if (safe < DAY) return unit(Math.floor(safe / HOUR), 'hour');
  return unit(Math.floor(safe / DAY), 'day');
}

/**
 * Whole calendar days (UTC) from `now` to `at`: 0 on the same UTC date, 1 tomorrow, negative once past.
 * Counting dates rather than elapsed time makes "expires in N days" the same at 00:30 and at 23:59
 * for a date-only expiry (stored as midnight UTC).
 */
export function calendarDaysUntil(at: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(at) - day(now)) / DAY);
}

/** How long ago `iso` was at `now`, e.g. `3 hours`; `unknown` for an invalid date. */
export function formatAge(iso: string, now: Date): string {
  const at = new Date(iso).getTime();
  return Number.isNaN(at) ? 'unknown' : formatDuration(now.getTime() - at);
}

/** How long ago `iso` was, as a phrase: `just now`, `3 hours ago`; `unknown` for an invalid date. */
export function formatAgo(iso: string, now: Date): string {
  const age = formatAge(iso, now);
  return age === 'just now' || age === 'unknown' ? age : `${age} ago`;
}

/**
 * A code line as its own paragraph of inline code: TextBlocks have no code blocks and join single
 * newlines, so a fenced block would otherwise collapse into one line.
 */
function codeLine(line: string): string {
  if (line.trim() === '') return '';
  const fence = line.includes('`') ? '`` ' : '`';
  return `${fence}${line.trimEnd()}${fence === '`` ' ? ' ``' : '`'}\n`;
}

/**
 * Adapts Markdown to what a Teams TextBlock shows: headings become bold lines, images become
 * `[image: alt]`, thematic breaks become a plain rule, each line of a fenced code block becomes its
 * own inline-code paragraph. Everything else is left alone.
 */
export function toTeamsMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let inFence = false;
  const out = lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return '';
    }
    if (inFence) return codeLine(line);
    const heading = headingText(line);
    if (heading !== undefined) return heading ? `**${heading}**` : '';
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '———';
    return replaceImages(taskBox(line));
  });
  return out.join('\n');
}

const isBlank = (code: number): boolean => code === 32 || code === 9;

/** `- [ ] x` / `- [x] x` → `- ☐ x` / `- ☑ x`: Teams shows task-list brackets literally. */
function taskBox(line: string): string {
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i += 1;
  const bullet = line[i];
  if ((bullet !== '-' && bullet !== '*' && bullet !== '+') || line[i + 1] !== ' ' || line[i + 2] !== '[')
    return line;
  const mark = line[i + 3];
  if (line[i + 4] !== ']' || (line[i + 5] !== ' ' && line[i + 5] !== undefined)) return line;
  if (mark === ' ') return `${line.slice(0, i + 2)}☐${line.slice(i + 5)}`;
  if (mark === 'x' || mark === 'X') return `${line.slice(0, i + 2)}☑${line.slice(i + 5)}`;
  return line;
}

/**
 * The text of an ATX heading line (`## Title ##` → `Title`), '' for an empty heading, undefined when
 * the line is not a heading. A hand-written scan: the equivalent regular expression backtracks
 * cubically on a `#` line with thousands of spaces.
 */
export function headingText(line: string): string | undefined {
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

/** `![alt](src)` → `[image: alt]` in one left-to-right pass (no backtracking on unclosed brackets). */
function replaceImages(line: string): string {
  let at = line.indexOf('![');
  if (at < 0) return line;
  const parts: string[] = [];
  let from = 0;
  while (at >= 0) {
    const close = line.indexOf(']', at + 2);
    if (close < 0) break;
    if (line.charCodeAt(close + 1) !== 40 || line.lastIndexOf('![', close) !== at) {
      at = line.indexOf('![', at + 2);
      continue;
    }
    const paren = line.indexOf(')', close + 2);
    if (paren < 0) break;
    const alt = line.slice(at + 2, close);
    parts.push(line.slice(from, at), alt ? `[image: ${alt}]` : '[image]');
    from = paren + 1;
    at = line.indexOf('![', from);
  }
  parts.push(line.slice(from));
  return parts.join('');
}

/** Result of `truncateText`. */
export interface Truncated {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Cuts Markdown to at most `maxChars` characters at a sensible boundary: the last paragraph break,
 * else line break, else space in the second half of the allowance; never inside a surrogate pair;
 * closes a code fence left open. Text within the limit is returned as is.
 */
export function truncateText(text: string, maxChars: number): Truncated {
  if (text.length <= maxChars) return { text, truncated: false };
  const window = text.slice(0, maxChars);
  const floor = Math.floor(maxChars / 2);
  let cut = maxChars;
  for (const boundary of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(boundary);
    if (at >= floor) {
      cut = at;
      break;
    }
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let result = text.slice(0, cut).trimEnd();
  const fences = result.match(/^\s*(```|~~~)/gm)?.length ?? 0;
  if (fences % 2 === 1) result += '\n```';
  return { text: result, truncated: true };
}

/** Shortens one line to `maxChars` characters, ending with `…` when cut. */
export function clipLine(line: string, maxChars: number): string {
  if (line.length <= maxChars) return line;
  let cut = maxChars - 1;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${line.slice(0, cut)}…`;
}
