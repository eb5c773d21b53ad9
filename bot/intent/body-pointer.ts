import { HERE_IS_TEXT, SHOULD_SAY, TEXT_NAMED, TEXT_NOUN } from './body-markers.js';

/*
 * Where a new page's text starts when the command line only points at the lines below it ("… with
 * the content below:", "… text below", "… with the below:"): the pointer is no text, nor are blank
 * lines between it and the text; nor is a line that only labels the text ("content:"). Lines typed right after a command with no pointer are kept exactly
 * (blank lines included). Pure; patterns are anchored and bounded.
 */

/** Nouns for what the lines below list ("with below steps:", "the following points:"). */
const LISTED = '(?:steps|points|items|list|lines|notes|details|info|information|bullets|bullet\\s+points)';

/**
 * Inline words that only point at the next lines: "below", "the below", "as follows", "the
 * following", "content below", "below content", "the list below", "these points", with a closing
 * colon or full stop; "these <anything>:" with its colon ("with these recommendations:").
 */
const POINTER_ONLY = new RegExp(
  String.raw`^(?:(?:the|this)\s+)?(?:(?:${TEXT_NOUN}|${LISTED})\s+)?(?:(?:is\s+)?(?:as\s+)?below|(?:is\s+)?as\s+follows|follows|following|underneath|here)(?:\s+(?:${TEXT_NOUN}|${LISTED}))?\s*[:.!]?$|^(?:these|those|the\s+following)\s+(?:${TEXT_NOUN}|${LISTED})\s*[:.!]?$|^(?:these|those|the\s+following)\s+\p{L}[\p{L}-]{1,30}\s*:$`,
  'iu',
);
/** Blank lines at the start of the lines after the command. */
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;

/**
 * "create "X" in HR\n\ncontent:\nthe text", "…\nHere's the content:\n…", "…\nIt should say:\n…": a line
 * that only labels or announces the text (nothing after its colon), first after the command, with the
 * blank lines around it.
 */
const LABEL_LINE_FIRST = new RegExp(
  String.raw`^(?:[ \t]*\n)*[ \t]*(?:${TEXT_NAMED}|${HERE_IS_TEXT}|${SHOULD_SAY})[ \t]*:[ \t]*\n(?:[ \t]*\n)*(?=[^\n]*\S)`,
  'i',
);

/** Most characters at the start of the lines looked at for a label line. */
const LABEL_PROBE = 200;

/** The inline text and the lines after it, once a pointer to those lines and the blank lines before them are dropped. */
export function bodyAfterPointer(
  inline: string,
  bodyLines: string,
  introduced = false,
): { inline: string; bodyLines: string } {
  if (bodyLines.trim().length === 0) return { inline, bodyLines };
  if (inline.length === 0) {
    const label = LABEL_LINE_FIRST.exec(bodyLines.slice(0, LABEL_PROBE));
    if (label) return { inline, bodyLines: bodyLines.slice(label[0].length) };
    // "… with the following:\n\n- a": after words that bring the text, blank lines before it are none of it.
    return { inline, bodyLines: introduced ? bodyLines.replace(LEADING_BLANK_LINES, '') : bodyLines };
  }
  const pointed = POINTER_ONLY.test(inline.trim());
  return pointed
    ? { inline: '', bodyLines: bodyLines.replace(LEADING_BLANK_LINES, '') }
    : { inline, bodyLines };
}
