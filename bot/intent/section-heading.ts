/** "rewrite the "Eligibility" section": an edit verb, then the quoted heading before the word "section". */
const HEADING_BEFORE_SECTION =
  /\b(rewrite|update|edit|change|replace|redo|fix)\s+(?:the\s+)?(["“][^"“”\n]{1,120}["”])\s+section\b/gi;

/**
 * The command words with a quoted heading put after "section" ("rewrite the "Eligibility" section of
 * X" → "rewrite section "Eligibility" of X"), the order the section rules read. Only before the first
 * colon: after it the words may be page text.
 */
export function sectionHeadingFirst(line: string): string {
  const cut = line.indexOf(':');
  const head = cut < 0 ? line : line.slice(0, cut);
  return head.replace(HEADING_BEFORE_SECTION, '$1 section $2') + (cut < 0 ? '' : line.slice(cut));
}
