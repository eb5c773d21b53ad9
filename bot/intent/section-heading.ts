/** "rewrite the "Eligibility" section": an edit verb, then the quoted heading before the word "section". */
const HEADING_BEFORE_SECTION =
  /\b(rewrite|update|edit|change|replace|redo|fix|modify|amend|revise)\s+(?:the\s+)?(["“][^"“”\n]{1,120}["”])\s+section\b/gi;

/**
 * "update the Trains section" (to say / with) just before the colon: a heading of a few words without
 * quotes. Words that point at a section instead of naming it ("the whole section") are left alone.
 */
const UNQUOTED_HEADING_AT_END =
  /\b(rewrite|update|edit|change|replace|redo|fix|modify|amend|revise)\s+(?:the\s+)?(?!(?:whole|entire|same|this|that|next|last|first|new)\b)([^\s"“”:,][^"“”:,\n]{0,60}?)\s+section(\s+(?:to(?:\s+(?:say|read))?|with))?\s*$/i;

/**
 * The command words with a quoted heading put after "section" ("rewrite the "Eligibility" section of
 * X" → "rewrite section "Eligibility" of X"), the order the section rules read. Only before the first
 * colon: after it the words may be page text.
 */
export function sectionHeadingFirst(line: string): string {
  const cut = line.indexOf(':');
  const head = cut < 0 ? line : line.slice(0, cut);
  const quoted = head.replace(HEADING_BEFORE_SECTION, '$1 section $2');
  // "in X, update the Trains section: …": an unquoted heading right before the colon is quoted.
  const unquoted = cut < 0 ? quoted : quoted.replace(UNQUOTED_HEADING_AT_END, '$1 section "$2"$3');
  return unquoted + (cut < 0 ? '' : line.slice(cut));
}
