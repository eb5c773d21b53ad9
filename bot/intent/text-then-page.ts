/*
 * Quoted text given first, then the page it is for said as an afterthought ("add "bring your own adapter" -
 * this is for the Laptop Setup page", "add "x" - it goes on the Onboarding page", "add "x" - it's for the
 * Incident Response Process", "add "x" - this one is for Team Rituals"): the words between the text and the page say whom it is for, not where on it.
 * A dash, an arrow or a comma, maybe "this/it is" or "it goes", then "for/on/in/to", then a page by its noun
 * or its capitals ("- for later" names no page). Bounded runs.
 */

/** The words between the quoted text and the page (sticky: read where the quote ends). */
export const FOR_PAGE_AFTER_TEXT =
  /\s*(?:[-–—]+|->|→|=>|,)\s*(?:(?:this|it|that)(?:\s+one)?(?:['’]s|\s+is|\s+goes|\s+should\s+go|\s+belongs)?\s+)?(?:for|on|in|into|to|onto)\s+(?=\S)/iy;

/** A page after them: its noun, or a title in capitals. */
const PAGE_SHOWN = /^(?:(?:the|our)\s+)?\p{Lu}|\b(?:page|doc|document|wiki)\b/u;

/** The length of the words before the page when `after` (what follows quoted text) names the page it is for; else -1. */
export function pageAfterTextAt(after: string): number {
  FOR_PAGE_AFTER_TEXT.lastIndex = 0;
  const link = FOR_PAGE_AFTER_TEXT.exec(after);
  return link && PAGE_SHOWN.test(after.slice(link[0].length)) ? link[0].length : -1;
}

/** True when `text` ends in quoted text and `clause` (from its break on) names the page that text is for. */
export function isPageAfterQuotedText(text: string, clause: string): boolean {
  return /["”'’]\s*$/.test(text) && pageAfterTextAt(clause) >= 0;
}
