import { decodeEntities } from '../domain/decode-entities.js';
import type { ExcerptPart } from './types.js';

/** Opening highlight marker in Confluence search excerpts and titles. */
export const HIGHLIGHT_START = '@@@hl@@@';
/** Closing highlight marker in Confluence search excerpts and titles. */
export const HIGHLIGHT_END = '@@@endhl@@@';

/**
 * Decodes the HTML character references in Confluence's escaped excerpts (see
 * `decodeEntities`: single pass, so `&amp;lt;` becomes `&lt;`).
 */
export function unescapeHtml(text: string): string {
  return decodeEntities(text);
}

/** Removes every highlight marker from `text` (used for titles, which must match Confluence). */
export function stripHighlightMarkers(text: string): string {
  return text.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join('');
}

/**
 * Splits an HTML-escaped Confluence excerpt into plain-text parts, marking the highlighted
 * matches. Adjacent parts with the same flag are merged and empty parts dropped; a marker without
 * its partner ends or starts highlighting at that point. Whitespace runs collapse to one space.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (raw: string, highlight: boolean): void => {
    const text = unescapeHtml(raw).replace(/\s+/g, ' ');
    if (text.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.highlight === highlight)
      parts[parts.length - 1] = { text: `${last.text}${text}`.replace(/\s+/g, ' '), highlight };
    else parts.push({ text, highlight });
  };
  let rest = excerpt;
  let highlight = false;
  while (rest.length > 0) {
    const marker = highlight ? HIGHLIGHT_END : HIGHLIGHT_START;
    const other = highlight ? HIGHLIGHT_START : HIGHLIGHT_END;
    const at = rest.indexOf(marker);
    const strayAt = rest.indexOf(other);
    if (strayAt !== -1 && (at === -1 || strayAt < at)) {
      push(rest.slice(0, strayAt), highlight);
      rest = rest.slice(strayAt + other.length);
      continue;
    }
    if (at === -1) {
      push(rest, highlight);
      break;
    }
    push(rest.slice(0, at), highlight);
    rest = rest.slice(at + marker.length);
    highlight = !highlight;
  }
  const first = parts[0];
  if (first) parts[0] = { ...first, text: first.text.trimStart() };
  const lastPart = parts[parts.length - 1];
  if (lastPart) parts[parts.length - 1] = { ...lastPart, text: lastPart.text.trimEnd() };
  return parts.filter((p) => p.text.length > 0);
}
