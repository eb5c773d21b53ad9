/*
 * How people introduce a page's text, shared by creates and updates: "with:", "w/", "content:", "the
 * content is:", "with the text …". Pattern sources, each a bounded run of words.
 */

/** "with", or "w/" as chat shortens it. */
export const WITH = String.raw`(?:with|w\/)`;

/** Nouns for a page's text. */
export const TEXT_NOUN = '(?:body|content|contents|text|markdown)';

/** The text named before it is given: "content", "the content is", "its text will be". */
export const TEXT_NAMED = String.raw`(?:(?:the|its)\s+)?${TEXT_NOUN}(?:\s+(?:is|will\s+be|should\s+be))?(?:\s+(?:below|as\s+follows|follows))?`;
