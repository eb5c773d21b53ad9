/*
 * How people introduce a page's text, shared by creates and updates: "with:", "w/", "content:", "the
 * content is:", "with the text …". Pattern sources, each a bounded run of words.
 */

/** "colon" spoken where a colon goes (dictated messages), not after an article ("the colon"). */
const SPOKEN_COLON = /(?<!\b(?:the|a|an|my|your|his|her|their|our|this|that|semi))\s+colon\s+(?=\S)/i;

/**
 * A dictated line with its first spoken "colon" written as one ("add to the rota colon Sam is off" →
 * "add to the rota: Sam is off"); only when the line has no colon before it.
 */
export function writtenColon(line: string): string {
  const spoken = SPOKEN_COLON.exec(line);
  if (!spoken || line.slice(0, spoken.index).includes(':')) return line;
  return `${line.slice(0, spoken.index)}: ${line.slice(spoken.index + spoken[0].length)}`;
}

/** "with", or "w/" as chat shortens it. */
export const WITH = String.raw`(?:with|w\/)`;

/**
 * Nouns for a page's text ("contents" before "content", so "with contents:" is not read as "with
 * content" then "s: …"; "body text" and "page content" as one noun).
 */
export const TEXT_NOUN = String.raw`(?:body\s+(?:text|content)|page\s+(?:text|content|contents|body)|body|contents|content|text|markdown)`;

/**
 * Other words for a page's text, read only as a label before a colon ("with description: …", "with
 * the message: …"); alone they may be a title's words ("Contact Details").
 */
export const TEXT_LABEL =
  '(?:description|details|message|info|information|line|lines|words|note|notes|intro|introduction|summary|sentence|paragraph|blurb|entry|bullet\\s+points?|bullets?|points|items|steps|list|agenda)';

/** Articles and a size word before a text label ("with a short note:", "with one line:", "with just one line:"). */
export const LABEL_ARTICLE = String.raw`(?:(?:just|only)\s+)?(?:(?:the|this|an?|one|some)\s+)?(?:(?:short|quick|brief|small|little|single|simple|first)\s+)?`;

/** "content to follow", "text later": a page's text promised, not given (a create then asks for it). */
export const TEXT_LATER = String.raw`(?:to\s+follow|to\s+come|later|coming\s+later)\b`;

/** The text named before it is given: "content", "the content is", "its text will be", "the body being", "content as …", "the content should say", "content to include". */
export const TEXT_NAMED = String.raw`(?:(?:the|its)\s+)?${TEXT_NOUN}(?:\s+(?:is|will\s+be|should\s+(?:be|say|read)|being|to\s+(?:include|add|put|use|write)))?(?:\s+(?:below|as\s+below|as\s+follows|follows|as(?=\s*:|\s+\S)))?`;

/** "here's the text", "here is what to put", "this is the content": the text announced before its colon. */
export const HERE_IS_TEXT = String.raw`(?:here(?:['’]s|\s+is)|this\s+is)\s+(?:(?:the|my|our)\s+)?(?:${TEXT_NOUN}|what\s+(?:to\s+(?:put|write|say)|it\s+should\s+say))`;

/** "it should say", "should read", "it must contain": the text announced as what the page is to say. */
export const SHOULD_SAY = String.raw`(?:it\s+)?(?:should|must|will|needs\s+to|has\s+to)\s+(?:just\s+|only\s+)?(?:say|read|contain)`;
