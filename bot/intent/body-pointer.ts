import { TEXT_NOUN } from './body-markers.js';

/*
 * Where a new page's text starts when the command line only points at the lines below it ("… with
 * the content below:", "… text below", "… with the below:"): the pointer is no text, nor are blank
 * lines between it and the text. Lines typed right after a command with no pointer are kept exactly
 * (blank lines included). Pure; patterns are anchored and bounded.
 */

/** Nouns for what the lines below list ("with below steps:", "the following points:"). */
const LISTED = '(?:steps|points|items|list|lines|notes|details|info|information|bullets|bullet\\s+points)';

/**
 * Inline words that only point at the next lines: "below", "the below", "as follows", "the
 * following", "content below", "below content", with a closing colon or full stop.
 */
const POINTER_ONLY = new RegExp(
  String.raw`^(?:the\s+|this\s+)?(?:${TEXT_NOUN}\s+)?(?:(?:as\s+)?below|as\s+follows|follows|following|underneath|here)(?:\s+(?:${TEXT_NOUN}|${LISTED}))?\s*[:.!]?$`,
  'i',
);
/** Blank lines at the start of the lines after the command. */
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;

/** The inline text and the lines after it, once a pointer to those lines and the blank lines before them are dropped. */
export function bodyAfterPointer(inline: string, bodyLines: string): { inline: string; bodyLines: string } {
  if (bodyLines.trim().length === 0) return { inline, bodyLines };
  const pointed = inline.length > 0 && POINTER_ONLY.test(inline.trim());
  return pointed
    ? { inline: '', bodyLines: bodyLines.replace(LEADING_BLANK_LINES, '') }
    : { inline, bodyLines };
}
