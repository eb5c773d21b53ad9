import { unclear } from './readings.js';
import type { Intent } from './types.js';

/*
 * A new page only wished for later, with nothing of it given ("would be great if you could make a page for
 * the offsite notes at some point - no rush", "can you make a new page for me sometime?"): no title in
 * capitals or quotes, no space, no text, and a vague "when". Asking for the space would be asking for
 * everything, so the request is read as unclear. Pure; reads a bounded head of the first line.
 */

/** Most characters of the first line looked at. */
const MAX_HEAD = 400;

/** Words that put the page off to an unsaid time ("at some point", "no rush", "when you get a chance"). Kept as data. */
const VAGUE_WHEN =
  /\b(?:at\s+some\s+point|some\s*time|whenever|eventually|later\s+on|no\s+rush|no\s+hurry|one\s+of\s+these\s+days|when\s+you\s+(?:get|have|find)\s+a\s+(?:chance|minute|sec|second|moment))\b/i;

/** The title a create failure asked the space for ("Which space should `offsite notes` go in?"). */
const ASKED_SPACE = /^Which space should `([^`\n]{0,200})` go in\?/;

/**
 * `unclear` for a create that asked for its space when the message gives nothing usable (see the file's
 * comment): the title read is all lower case with no digit, the line has no quote or colon, there are no
 * lines after it, and the ask is put off to a vague time; else `undefined`.
 */
export function deferredNewPage(intent: Intent, text: string): Intent | undefined {
  if (intent.kind !== 'failure') return undefined;
  const title = ASKED_SPACE.exec(intent.message)?.[1];
  const trimmed = text.trim();
  if (title === undefined || /[\p{Lu}\p{N}]/u.test(title) || trimmed.includes('\n')) return undefined;
  const head = trimmed.slice(0, MAX_HEAD);
  if (/[:"“”'‘’]/.test(head.replace(/\b[\p{L}]+['’][\p{L}]+\b/gu, '')) || !VAGUE_WHEN.test(head))
    return undefined;
  return unclear(head);
}
