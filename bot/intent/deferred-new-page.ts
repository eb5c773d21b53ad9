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

/** Words that make a new page ("make a page", "have a new doc", "whip up one page"). */
const MAKING_A_PAGE =
  /\b(?:make|create|creat|set\s+up|whip\s+up|start|have|get)\s+(?:me\s+|us\s+)?(?:a|an|one)\s+(?:new\s+)?(?:page|doc)\b/i;

/** The title a create failure asked the space for ("Which space should `offsite notes` go in?"). */
const ASKED_SPACE = /^Which space should `([^`\n]{0,200})` go in\?/;

/**
 * `unclear` for a create that asked for its space (or a page to make read as a search) when the message
 * gives nothing usable (see the file's comment): the title read is all lower case with no digit, the line
 * has no quote or colon, there are no lines after it, and the ask is put off to a vague time; else
 * `undefined`.
 */
export function deferredNewPage(intent: Intent, text: string): Intent | undefined {
  const trimmed = text.trim();
  const head = trimmed.slice(0, MAX_HEAD);
  // "would be nice to have a page for the team party sometime": a page to make, read as a search.
  const searched =
    intent.kind === 'operation' && intent.request.operation === 'search' && MAKING_A_PAGE.test(head)
      ? intent.request.words
      : undefined;
  const title = intent.kind === 'failure' ? ASKED_SPACE.exec(intent.message)?.[1] : searched;
  if (title === undefined || /[\p{Lu}\p{N}]/u.test(title) || trimmed.includes('\n')) return undefined;
  if (/[:"“”'‘’]/.test(head.replace(/\b[\p{L}]+['’][\p{L}]+\b/gu, '')) || !VAGUE_WHEN.test(head))
    return undefined;
  return unclear(head);
}
