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

/** How long ago `iso` was at `now`, e.g. `3 hours`; `unknown` for an invalid date. */
export function formatAge(iso: string, now: Date): string {
  const at = new Date(iso).getTime();
  return Number.isNaN(at) ? 'unknown' : formatDuration(now.getTime() - at);
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
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) return heading[1] ? `**${heading[1]}**` : '';
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '———';
    return line.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_m, alt: string) =>
      alt ? `[image: ${alt}]` : '[image]',
    );
  });
  return out.join('\n');
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
