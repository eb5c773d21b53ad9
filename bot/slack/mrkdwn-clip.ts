/**
 * Cutting mrkdwn to Slack's limits: clipping one text with `…` and splitting long text into
 * pieces, never inside an entity, a link, a surrogate pair or an open ``` block. Linear in the input.
 */
import { FENCE } from './mrkdwn.js';

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
