/**
 * "Where is page Pricing and Discounts in Sales? Show me please.", "Where can I find page Code of
 * Conduct in HR? open it": where a page named after the word "page" is, asked, then a short ask to open
 * or show it. The second sentence says the asker wants that page, so it is opened by its name (and
 * space). "Where can I find the page about X?" names a topic, not a page, and stays a search.
 */
import type { Intent } from './types.js';

/** The where-question, its page named after "page" (group 1), up to the question mark. */
const WHERE_PAGE =
  /^(?:where\s+(?:is|'s|are|can\s+i\s+find|could\s+i\s+find|do\s+i\s+find|would\s+i\s+find|i\s+(?:can|could)\s+find)|where's)\s+(?:the\s+)?(page\s+(?!(?:about|on|for|regarding|of|with)\b)[^?\n]{1,120}?)\s*\?+\s*/i;

/** The short ask after it: "show me please", "open it", "can you open it for me?", "pls send it". */
const OPEN_IT =
  /^(?:(?:please|pls|plz|kindly)\s+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:(?:please|pls)\s+)?(?:open|show|bring\s+up|pull\s+up|send|share)(?:\s+(?:it|me|me\s+it|it\s+to\s+me|that|this|the\s+link|me\s+the\s+link))?(?:\s+(?:for\s+me|here))?(?:\s*,?\s*(?:please|pls|plz|thanks|thx|thank\s+you))?[\s.!?]*$/i;

/** Longest line read (characters). */
const MAX_LINE = 300;

/**
 * The page of "Where is page X (in S)? Show me please." opened, when the line reads so and the page
 * part reads as one page by name; else `undefined`. Two anchored patterns and one reading.
 */
export function pageAskedWhereThenOpen(line: string, read: (line: string) => Intent): Intent | undefined {
  // "- Where is page X? Show me": a bullet before the line says nothing.
  const text = line.trim().replace(/^[-•*·]\s+/, '');
  if (text.length > MAX_LINE) return undefined;
  const where = WHERE_PAGE.exec(text);
  if (!where || !OPEN_IT.test(text.slice(where[0].length))) return undefined;
  const page = read(`open ${where[1]}`);
  return page.kind === 'page-by-name' && page.request.operation === 'get' ? page : undefined;
}
