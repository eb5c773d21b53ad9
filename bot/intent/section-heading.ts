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

/** Words people use for a part of a page ("the Parking section", "the bit about parking"). Kept as data. */
export const PART_NOUN =
  '(?:section|sect|part|bit|heading|header|subheading|sub-heading|subsection|paragraph|chapter|portion)';
/** A heading as typed: quoted, or a short run of words (lazy, bounded). */
const HEADING = String.raw`["“‘]?([^"“”‘’\n,:]{1,60}?)["”’]?`;
/** A page as named after the part: the rest of the words. */
const PAGE = String.raw`(?:the\s+|our\s+)?(\S[^\n]{0,200}?)`;
/** What links a part to its page. */
const PART_OF = String.raw`\s+(?:of|in|on|from|within|inside)\s+`;

/**
 * A section named inside the words read as a page's name, then the page ("under the Parking heading
 * of the Office Guide", "the bit about parking in the office guide", "the Day 1 section in
 * onboarding") or the page first, then the section ("Office Guide, under the Parking heading",
 * "Remote Work Policy, Equipment section", "X - in the Parking part"). Each anchored, no nested runs.
 */
const PART_THEN_PAGE: readonly RegExp[] = [
  // "(under / in) the Parking heading of the Office Guide", "the parking bit of the guide".
  new RegExp(
    String.raw`^(?:(?:under|in|within|inside|at)\s+)?(?:the\s+)?${HEADING}\s+${PART_NOUN}${PART_OF}${PAGE}$`,
    'i',
  ),
  // "the bit about parking in the office guide", "the part on expenses of X".
  new RegExp(
    String.raw`^(?:(?:under|in|within|at)\s+)?(?:the\s+)?${PART_NOUN}\s+(?:about|on|re|regarding|covering|for)\s+(?:the\s+)?${HEADING}${PART_OF}${PAGE}$`,
    'i',
  ),
  // "(under) the heading Parking in the Office Guide", "the section "Day 1" of onboarding".
  new RegExp(
    String.raw`^(?:(?:under|in|within|inside|at)\s+)?(?:the\s+)?${PART_NOUN}\s+(?:called\s+|named\s+|titled\s+)?${HEADING}${PART_OF}${PAGE}$`,
    'i',
  ),
  // "under Equipment in the Remote Work Policy": "under" alone before a heading in words.
  new RegExp(String.raw`^under\s+(?:the\s+)?${HEADING}(?:${PART_OF}|\s+(?:to|onto|into)\s+)${PAGE}$`, 'i'),
  // "below "Linux" on the VPN Setup Guide": "below" names a heading only in quotes ("below the last line of X" is a place).
  new RegExp(
    String.raw`^(?:below|beneath)\s+(?:the\s+)?["“‘]([^"“”‘’\n]{1,60})["”’](?:\s+${PART_NOUN})?(?:${PART_OF}|\s+(?:to|onto|into)\s+)${PAGE}$`,
    'i',
  ),
];
const PAGE_THEN_PART: readonly RegExp[] = [
  // "Office Guide, under the Parking heading", "X - in the Parking part", "X: the Equipment section".
  new RegExp(
    String.raw`^(?:the\s+|our\s+)?(\S[^\n]{0,200}?)(?:\s*[,:;]|\s+[-–—>]+|\s*→)\s*(?:(?:under|in|within|at)\s+)?(?:the\s+)?${HEADING}\s+${PART_NOUN}$`,
    'i',
  ),
  // "Office Guide, under the heading Parking", "onboarding page, section Day 1".
  new RegExp(
    String.raw`^(?:the\s+|our\s+)?(\S[^\n]{0,200}?)(?:\s*[,:;]|\s+[-–—>]+|\s*→)\s*(?:(?:under|in|within|at)\s+)?(?:the\s+)?${PART_NOUN}\s+${HEADING}$`,
    'i',
  ),
  // "Incident Response Process, under "Escalation"": a quoted heading after "under".
  /^(?:the\s+|our\s+)?(\S[^\n]{0,200}?)(?:\s*[,:;]|\s+[-–—>]+|\s*→)\s*(?:under|in)\s+["“‘]([^"“”‘’\n]{1,60})["”’]$/i,
  // "Office Guide under Parking", "the rota under the Week 9 heading", "X under the heading Carry over":
  // "under" in lower case (a title may hold "Under"), then a heading with or without a part noun.
  new RegExp(
    String.raw`^(?:[Tt]he\s+|[Oo]ur\s+)?(\S[^\n]{0,200}?)(?:\s*[,;(]\s*(?:[Uu]nder)|\s+[-–—]+\s*(?:[Uu]nder)|\s+under)\s+(?:(?:the|its)\s+)?(?:${PART_NOUN}\s+(?:called\s+|named\s+|titled\s+)?)?${HEADING}(?:\s+${PART_NOUN})?\)?$`,
  ),
  // "Office Guide in the Parking section", "the onboarding page in section Day 1": a part noun says it.
  new RegExp(
    String.raw`^(?:the\s+|our\s+)?(\S[^\n]{0,200}?)\s+(?:in|within|inside|at)\s+(?:the\s+)?(?:${HEADING}\s+${PART_NOUN}|${PART_NOUN}\s+(?:called\s+|named\s+|titled\s+)?${HEADING})$`,
    'i',
  ),
  // "the VPN Setup Guide section "Windows"", "the Onboarding "Day 1" section": a quoted heading with its part
  // noun right after the page (the quotes show where the page's words end).
  new RegExp(
    String.raw`^(?:the\s+|our\s+)?(\S[^\n"“]{0,200}?)\s+(?:(?:page|doc)\s+)?(?:${PART_NOUN}\s+["“]([^"“”\n]{1,60})["”]|["“]([^"“”\n]{1,60})["”]\s+${PART_NOUN})$`,
    'i',
  ),
  // "Onboarding's Day 1 section", "the rota's Compensation part": the page's possessive, then its part.
  new RegExp(
    String.raw`^(?:the\s+|our\s+)?(\S[^\n'’]{0,200}?)['’]s\s+(?:${HEADING}\s+${PART_NOUN}|${PART_NOUN}\s+(?:called\s+|named\s+|titled\s+)?${HEADING})$`,
    'i',
  ),
  // "Office Guide > Parking": a breadcrumb, page then heading.
  /^(?:the\s+|our\s+)?(\S[^\n]{0,200}?)\s+(?:>|›|»)\s+["“‘]?([^"“”‘’\n,:>]{1,60}?)["”’]?$/i,
];

/** What is added, named before the part ("a bullet under …", "a new line in the … section of …"). */
const ADDED_FIRST =
  /^(?:an?|the|this|one)\s+(?:new\s+)?(?:line|note|bullet|bullet\s+point|sentence|paragraph|entry|item|point)\s+(?=(?:under|in|within|inside|at)\s)/i;

/** A heading that is only a space key in capitals is no heading ("in the ENG part"). */
const SPACE_KEY_ONLY = /^~?[A-Z][A-Z0-9]{1,9}$/;
/** Nor a number or a word that points at a part instead of naming it ("the whole section", "the 64 bit"). */
const NOT_A_HEADING =
  /^(?:\d+|this|that|same|whole|entire|first|last|next|other|new|top|bottom|end|start|beginning|middle)$/i;

/** What "under" says when it names no heading ("under no circumstances", "under review"). Kept as data. */
const UNDER_IDIOM =
  /^(?:no|any|some|all|review|construction|pressure|way|control|discussion|consideration|investigation|budget|warranty|contract|age|my|our|your|his|her|their|its|it|them|me|us|him)\b/i;

/** True when the words after "under" are an idiom or point at something ("under review", "under it"), no heading. */
export function isUnderIdiom(words: string): boolean {
  return (
    UNDER_IDIOM.test(words.trim()) || NOT_A_HEADING.test(words.trim()) || SPACE_KEY_ONLY.test(words.trim())
  );
}

/**
 * The section and the page when the words read as a page's name name a part of it, else `undefined`
 * ("the Parking heading of the Office Guide" → Parking, "Office Guide").
 */
export function sectionInPageName(words: string): { heading: string; page: string } | undefined {
  // "a bullet under "Day 1" in the Onboarding page": what is added, named first, is no part of either.
  const text = words.trim().replace(ADDED_FIRST, '');
  const named = (heading: string) => !NOT_A_HEADING.test(heading) && !SPACE_KEY_ONLY.test(heading);
  if (text.length > 300) return undefined;
  for (const pattern of PART_THEN_PAGE) {
    const match = pattern.exec(text);
    if (match && named(match[1]!.trim())) return { heading: match[1]!.trim(), page: match[2]!.trim() };
  }
  for (const pattern of PAGE_THEN_PART) {
    const match = pattern.exec(text);
    const heading = (match?.[2] ?? match?.[3])?.trim();
    if (match && heading && named(heading) && !UNDER_IDIOM.test(heading))
      return { heading, page: match[1]!.trim() };
  }
  return undefined;
}
