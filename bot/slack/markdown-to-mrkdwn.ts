/**
 * Markdown (plain or Teams-flavoured) → Slack mrkdwn, line by line: headings, bullets, quotes,
 * fenced code and pipe tables. Inline text goes through `inlineMrkdwn`; every piece is escaped.
 */
import { headingText } from '../views/format.js';
import { codeText, FENCE } from './mrkdwn.js';
import { inlineMrkdwn } from './mrkdwn-inline.js';
import { isTableLine, tableBlock } from './mrkdwn-table.js';

const isBlank = (code: number): boolean => code === 32 || code === 9;

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
