import { WITH as WITH_WORD } from './body-markers.js';
import { echoAsCode } from './echo-text.js';
import { UPDATE_EDIT_FORMS } from './examples.js';
import { cleanLine } from './normalize-message.js';
import { checkTitle } from './page-ref.js';
import { readQuoted } from './read-quoted.js';
import { correctedWord } from './spelling.js';
import { ASK_TO_FIX_AT_END, hasFigure, oldLikeNew } from './stated-replace.js';
import { TextCursor } from './text-cursor.js';
import type { UpdateEdit } from './types.js';
import { WEEKDAY } from './weekdays.js';
import { isWhenAlone } from './when-phrase.js';

/*
 * The edit of an update, as written after the page: the keyword forms (`append:`, `replace "a"
 * with "b"`, `section "H":`, `body:`, `title:`) and the same edits in plain words ("add a line
 * saying …", "change "a" to "b"", "rename to …").
 */

/** An append's verb alone on its line ("please add", "add this:"), its text on the next lines. */
const BARE_APPEND_LINE =
  /^[ \t]*(?:(?:please|pls|plz)[ \t]+)?(?:append|add|put|write|insert|include)(?:[ \t]+(?:this|these|it|the[ \t]+following|the[ \t]+below|below))?[ \t]*[.:]?[ \t]*$/i;
/** "append: …", "add: …", "note: …" (after a page: "Team Rituals, pls note: …"; "you can add please: …"). */
const APPEND_LINE =
  /^[ \t]*(?:append|add|put|write|insert|note|include)(?:[ \t]+(?:please|pls|plz|kindly))?[ \t]*:[ \t]*/i;
/** "add a line saying …", "and add "…"", "append …": an append in plain words. */
const APPEND_WORDS = new RegExp(
  String.raw`^[ \t]*(?:please[ \t]+)?(?:append|add|put|write|insert|include|mention|note(?:[ \t]+down)?|jot[ \t]+down|tack[ \t]+on|slot[ \t]+in)[ \t]+(?:(?:please|pls|plz)[ \t]+)?(?:(?:in|down)(?:[ \t]+there)?[ \t]+(?=(?:that|saying)\b|:))?(?:(?:an?|one)(?:[ \t]+|(?=[ \t]*:))|(?:the|this)(?:[ \t]+(?=(?:new[ \t]+)?(?:line|note|sentence|bullet|paragraph|entry|text|comment|item|following)\b)|(?=[ \t]*:)))?(?:new[ \t]+)?(?:(?:line|note|sentence|bullet|paragraph|entry|text|comment|item|following(?=[ \t]*:))[ \t]*)?(?:saying|that[ \t]+says|which[ \t]+says|reading|stating|${WITH_WORD}[ \t]+(?:the[ \t]+)?text|that)?[ \t]*:?[ \t]*`,
  'i',
);
/** What is added, named with an article ("a note", "one more line", "a new bullet"), as a pattern source. */
export const ADDED_LINE = String.raw`(?:an?|one|the|another)(?:[ \t]+(?:new|more|short|quick|small|further|extra))?[ \t]+(?:line|note|sentence|bullet|bullet[ \t]+point|point|comment|remark|entry|paragraph)`;
/**
 * "update X with "…"", "update X to say …", "update X with a note that …" (what is added named, then
 * "saying" or "that"): the words are added to the page.
 */
const WITH_TEXT = new RegExp(
  String.raw`^[ \t]*(?:${WITH_WORD}[ \t]+["“‘'«„]([^"”’'»]*)["”’'»][ \t]*$|(?:to[ \t]+(?:also[ \t]+)?(?:say|read|mention|include|state)|so[ \t]+(?:that[ \t]+)?it[ \t]+(?:says|reads|mentions)|${WITH_WORD}[ \t]+${ADDED_LINE}[ \t]+(?:saying|stating|reading|(?:that|which)[ \t]+says|that))[ \t]*:?[ \t]+(?:that[ \t]+)?(.*)$)`,
  'i',
);
/**
 * "… and add …", "…, then replace …": the edit joined to the page by a linking word; "to" only before an
 * edit's verb ("update X to add: …", "edit X to change "a" to "b"": "to say" keeps its own reading).
 */
const LINKING_WORD =
  /^[ \t]*(?:and[ \t]+then|and[ \t]+also|and|then|also|to(?=[ \t]+(?:add|append|put|write|insert|change|replace|swap|correct|fix|rename)\b))[ \t]+(?=\S)/i;
/** Words an edit starts with after the page ("add …", "replace …", "title: …"). */
/** Verbs of an edit named after the page, as a pattern source ("in X, add …", "update X and rewrite …"). */
export const EDIT_VERB = String.raw`(?:append|add|put|write|insert|include|mention|note|replace|substitute|change|swap|correct|fix|rename|rewrite)\b`;
const EDIT_VERBS = `${EDIT_VERB}|jot|switch|section|title|body`;
/** Asking words before an edit verb ("please", "can you", "could u pls"), as a pattern source. */
export const ASKING_BEFORE_EDIT = String.raw`(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?)`;
const ASKING_AT_START = new RegExp(`^[ \\t]*${ASKING_BEFORE_EDIT}(?=(?:${EDIT_VERBS})\\b)`, 'i');
/**
 * What may stand before quoted old text without being part of it: "the" ("change the "45 minutes" to …"),
 * a noun for text ("the word "…""), or "every / all (instances of)" ("replace every "Okta" with …").
 * A pattern source, each part bounded.
 */
export const OLD_TEXT_LEAD = String.raw`(?:(?:every|each|all)[ \t]+(?:(?:the[ \t]+)?(?:instances?|occurrences?|mentions?|cases?)[ \t]+of[ \t]+)?|the[ \t]+(?:(?:text|word|words|phrase|wording)[ \t]+)?)?`;
/**
 * "change "a" to "b"", "swap (out) "a" for "b"", "modify "a" to "b"", "update "a" to "b"" (after the page:
 * "In the X, update "15%" to "20%""), "change the "a" to "b"".
 */
const CHANGE_LINE = new RegExp(
  String.raw`^[ \t]*(?:change|swap(?:[ \t]+out)?|switch(?:[ \t]+out)?|correct|fix|modify|amend|edit|update)[ \t]+${OLD_TEXT_LEAD}(?=["“‘'«„])`,
  'i',
);
const BODY_LINE = /^[ \t]*(?:body|content)[ \t]*:[ \t]*/i;
/**
 * "replace all the text with: …", "replace everything with …", "overwrite the whole content with: …", "set the
 * body to: …" (after the page): all of the page's text replaced, the new text after it.
 */
export const WHOLE_BODY_EDIT = String.raw`(?:(?:replace|overwrite|rewrite|swap(?:[ \t]+out)?)[ \t]+(?:all(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?(?:text|content|contents|words))?|everything|(?:the[ \t]+)?(?:whole|entire|full)[ \t]+(?:text|content|contents|body|page)|the[ \t]+(?:body|contents?))[ \t]+(?:with|by|for|w(?=\/))|(?:set|change|make)[ \t]+(?:the[ \t]+)?(?:whole[ \t]+|entire[ \t]+)?(?:body|content|contents)[ \t]+(?:to|into))\b`;
/** A new body given wholly in quotes on the command line ("… w/ "submitted ✅""): the quotes are no part of it. */
function unquotedWhole(said: string, following: string | undefined): string {
  const text = said.trim();
  const quoted = following ? undefined : readQuoted(text, 0);
  return quoted?.kind === 'quoted' && quoted.end === text.length ? quoted.value : said;
}
const WHOLE_BODY_LINE = new RegExp(String.raw`^[ \t]*${WHOLE_BODY_EDIT}\/?[ \t]*:?[ \t]*`, 'i');
/** "title:", "rename to", and after a page already named "rename it to" ("in X, rename it to Y"). */
const TITLE_LINE =
  /^[ \t]*(?:title|rename(?:[ \t]+(?:(?:it|this|that)(?:[ \t]+(?:page|one|doc))?[ \t]+)?(?:to|as))?)[ \t]*:?[ \t]*/i;
/**
 * "rename the Reading List to Books" where an edit of a page named before was looked for: the rename names
 * a page of its own ("rename it / this page to …" still renames the page before). Bounded runs.
 */
const RENAME_OF_NAMED_PAGE =
  /^[ \t]*(?:rename|retitle)[ \t]+(?!(?:it|this|that|the[ \t]+(?:page|doc|title|name)|its|to|as|into)\b)\S[^\n]{0,150}?[ \t](?:to|as|into)[ \t]+\S/i;
const RENAME_OF_NAMED_PAGE_REASON = 'That rename names a page of its own: rename <page> to <new title>.';
/** After a page already named: "change the title to Y", "please change its name to Y", "set the page name as Y". */
const NEW_TITLE_LINE =
  /^[ \t]*(?:(?:please|pls|kindly)[ \t]+)?(?:change|set|update|make|switch)[ \t]+(?:the|its|it'?s|this|that)[ \t]+(?:page[ \t]+)?(?:title|name)[ \t]+(?:to|as|into)[ \t]*:?[ \t]*(?=\S)/i;
/**
 * "add a section "H" with: …", "add a new "H" section saying …", "create a section called "H": …": a
 * new section named in quotes, its text after it (read as the section edit, which adds it when missing).
 */
const NEW_SECTION_LINE =
  /^[ \t]*(?:add|create|write|insert|start)[ \t]+(?:an?[ \t]+)?(?:new[ \t]+)?(?:(?:sub-?)?section[ \t]+(?:(?:called|named|titled)[ \t]+)?(?=["“])|(?=["“][^"”\n]{1,80}["”][ \t]+(?:sub-?)?section\b))/i;
/** The word "section" after a quoted heading ("the "H" section saying …"), dropped before the text. */
const SECTION_AFTER_HEADING = /^(["“][^"”\n]{1,80}["”])[ \t]+(?:sub-?)?section\b/i;
/** "section "H": …", "rewrite the section "H" to say: …": the section and its new text. */
const SECTION_LINE =
  /^[ \t]*(?:(?:rewrite|update|edit|change|replace|redo|modify|amend|revise)[ \t]+(?:the[ \t]+)?)?section[ \t]+/i;
/** "the Carry Over section should now read: …" (after the page): the heading first, then what it says. */
const HEADING_SHOULD_SAY =
  /^[ \t]*(?:the[ \t]+)?["“]?([^"“”:\n]{1,80}?)["”]?[ \t]+section[ \t]+(?:should|must|needs[ \t]+to)[ \t]+(?:now[ \t]+)?(?:say|read|be)[ \t]*:[ \t]*/i;
/** After the heading: "to say", "to read", "with" before the colon; "saying", "should say" with or without one. */
const SECTION_TEXT_WORDS =
  /^[ \t]+(?:to(?:[ \t]+(?:say|read))?|so[ \t]+(?:that[ \t]+)?it[ \t]+(?:says|reads)|with(?:[ \t]+(?:the[ \t]+)?(?:text|content|words))?)(?=[ \t]*:)|^[ \t]*[,;?.!]?[ \t]*(?:(?:the|its)[ \t]+)?(?:text|content|contents|body)(?:[ \t]+(?:is|should[ \t]+be))?(?=[ \t]*:)|^[ \t]+(?:(?:should|must|needs[ \t]+to)[ \t]+(?:say|read|be)|saying|stating|(?:that|which)[ \t]+says)(?:[ \t]*:)?[ \t]*(?=\S)/i;
/** Words that say the section's text follows, with no colon needed ("… should say 3 years", "… saying flip it"). */
const SAID_WITHOUT_COLON = /^[ \t]+(?:should|must|needs|saying|stating|that|which)/i;
/** "replace "a" with "b"", "replace the word "a" …", "replace every "a" …" (what stands before the old text is no part of it). */
const REPLACE_LINE = new RegExp(
  String.raw`^[ \t]*replace[ \t]+${OLD_TEXT_LEAD}(?=["“‘'«„])|^[ \t]*replace[ \t]+`,
  'i',
);
/** "for flights over 6 hours" after a replace's texts (the page named before them): what it applies to, a few words. */
const FOR_WHAT_AFTER_REPLACE = /^\s+for\s+(?:[^\s"“”.,;:!?]+\s+){0,7}[^\s"“”.,;:!?]+[\s.!]*$/i;
/** Words for a part of a page named by its heading ("heading", "section"), as a pattern source. */
const PART_WORD = '(?:heading|header|subheading|section|subsection|part)';
/**
 * "add under Day 2: …", "put below FAQ: …": "under" or "below" (never "in"/"to") before a heading of a few
 * words without quotes or part word, then the colon. Where "under" names no heading ("under review") or
 * points at a place ("below the last line"), not read.
 */
const UNDER_BARE_HEADING_LINE = new RegExp(
  String.raw`^[ \t]*(?:(?:add|append|put|write|insert|include)[ \t]+(?:(?:this|it|the[ \t]+following|${ADDED_LINE})[ \t]+)?)?(?:under|below|beneath)[ \t]+(?!(?:the[ \t]+)?(?:last|final|bottom|end|top|no|any|all|review|construction|it|this|that)\b)(?:the[ \t]+)?([^"“”:,\n]{1,40}?)[ \t]*:[ \t]*`,
  'i',
);
/**
 * After an append's verb: quoted text, then the heading it goes under ("add "lunch" under Day 2", "put
 * "x" in the "FAQ" section", "add "x" to the Linux section"); "in"/"to" only with the part word.
 */
const QUOTED_THEN_HEADING = new RegExp(
  String.raw`^["“]([^"“”\n]{1,300})["”][ \t]+(?:(?:under|below|beneath)[ \t]+(?!(?:the[ \t]+)?(?:last|final|bottom|end|top)\b)(?:the[ \t]+)?(?:${PART_WORD}[ \t]+)?["“]?([^"“”:,\n]{1,60}?)["”]?(?:[ \t]+${PART_WORD})?|(?:in|into|to)[ \t]+(?:the[ \t]+)?(?:${PART_WORD}[ \t]+["“]([^"“”:,\n]{1,60})["”]|["“]?([^"“”:,\n]{1,60}?)["”]?[ \t]+${PART_WORD}))[ \t]*[.!]*$`,
  'i',
);
/** Where on the page an append goes, said before its colon ("below the last line:", "at the bottom:"): no text. */
const PLACE_ON_PAGE =
  /^(?:(?:right\s+)?(?:below|after|under(?:neath)?|beneath)\s+the\s+(?:very\s+)?(?:last|final|bottom)\s+(?:line|paragraph|bullet|entry|item|point|row)|(?:at|to|on)\s+the\s+(?:very\s+)?(?:end|bottom)(?:\s+of\s+(?:it|the\s+page))?)\s*:\s*(?=\S)/i;
/** Words that point at a place instead of naming a heading ("the first part", "the same section"). */
const PLACE_NOT_HEADING =
  /^(?:\d+|this|that|same|whole|entire|first|last|next|other|new|top|bottom|end|start|beginning|middle|right|correct|relevant|appropriate)$/i;
/** What the bot asks when text should go to a place it cannot find ("the first part"). */
export const PLACE_QUESTION = 'Which heading should it go under? Name it: add under "Heading": <text>.';
/** A place that is the end of the page ("the last section"): an append goes there anyway. */
const PLACE_AT_END = /^(?:last|bottom|end)$/i;
/**
 * Where text goes under a heading, after the page ("write under the heading "Load tests": …", "add to the
 * "Day 1" section: …", "put below "FAQ": …", "add under the Mac heading: …", "in section "Windows" add: …"):
 * an append's verb, then "under"/"below" (verb or not) or "in"/"to" (after the verb, or "in" before a quoted
 * heading and its part word), then the heading: quoted (with or
 * without the part word), or unquoted with the part word after it; then the colon. Bounded runs only.
 */
const UNDER_HEADING_LINE = new RegExp(
  String.raw`^[ \t]*(?:(?:add|append|put|write|insert|include)[ \t]+(?:(?:this|it|the[ \t]+following|${ADDED_LINE})[ \t]+)?(?:under|below|beneath|in|into|to)|under|below|beneath|in(?=[ \t]+(?:the[ \t]+)?(?:${PART_WORD}[ \t]+["“]|["“][^"“”\n]{1,80}["”][ \t]+${PART_WORD})))[ \t]+(?:the[ \t]+)?(?:(?:${PART_WORD}[ \t]+(?:called[ \t]+|named[ \t]+|titled[ \t]+)?)?["“]([^"“”\n]{1,80})["”](?:[ \t]+${PART_WORD})?|([^"“”:,\n]{1,60}?)[ \t]+${PART_WORD})[ \t]*(?:,?[ \t]*(?:add|append|put|write|insert|please|pls))?[ \t]*:[ \t]*`,
  'i',
);
/** A first word that may be an edit keyword typed wrong ("apend:", "replcae \"a\"", "secton \"H\":"). */
const EDIT_KEYWORD_TYPO = /^([ \t]*)([A-Za-z]{3,20})(?=[ \t]*:|[ \t]+["“‘'«„])/;
const EDIT_KEYWORDS = new Set(['append', 'replace', 'section', 'body', 'title', 'add', 'change']);
const WITH = /\s+(?:with|w\/|by|to|into|->|→)\s*/iy;
/** "change "a" to "b"", "swap "a" for "b"": the same edit as replace, in other words. */
const CHANGE_TO = /\s+(?:to|into|with|for|by|->|→)\s*/iy;
/** ""recieve" should be "receive"": a correction stated as what the text should be. */
const SHOULD_BE =
  /\s*(?:->|→|=>)\s*|\s+(?:should|must)\s+(?:be|read|say|become)\s*|\s+(?:is\s+wrong|is\s+a\s+typo)[\s,;-]+(?:it\s+)?should\s+(?:be|read|say)\s*|\s+(?:(?:should|must|needs?\s+to|has\s+to)\s+(?:be\s+)?|to\s+be\s+)?(?:change|changed|changes|update|updated|correct|corrected|amend|amended|turn|turned)\s+(?:to|into)\s*|\s+(?:(?:should|must|needs?\s+to)\s+be\s+|to\s+be\s+)?(?:replace|replaced|swap|swapped)\s+(?:with|by|for)\s*|\s+becomes?\s*/iy;
/** Most characters of old or new text in an unquoted edit ("replace 30 days with 45 days"). */
const MAX_UNQUOTED_EDIT = 120;
/** "replace 30 days with 45 days", "change 09:45 to 10:00", "correct 25 days into 27 days": an unquoted replace on its own line. */
const UNQUOTED_EDIT = new RegExp(
  String.raw`^[ \t]*(?:replace|substitute|change|swap|switch|correct|fix|modify|amend)[ \t]+([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}}?)[ \t]+(?:with|to|into|for|by|as|->|→)[ \t]+([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}})$`,
  'i',
);

/**
 * "s/Okta/Entra/", "s/vpn1/vpn2/g": a replace in the notation of sed, as engineers type it: the old and new
 * text between slashes (no slash inside either), an optional "g". Bounded runs, no backtracking between them.
 */
export const SED_EDIT = /s\/([^/\n]{1,200})\/([^/\n]{0,200})\/g?(?![\w/])/y;

/** The sed-style replace at `cursor` ({@link SED_EDIT}), the cursor moved past it, or `undefined` (cursor unmoved). */
export function readSedEdit(cursor: TextCursor): UpdateEdit | undefined {
  const sed = cursor.take(SED_EDIT);
  const find = sed?.[1]?.trim() ?? '';
  if (!sed || find.length === 0) return undefined;
  return { kind: 'replace', find, replaceWith: sed[2]!.trim() };
}

export function splitFirstLine(text: string): [string, string | undefined] {
  const newline = text.indexOf('\n');
  return newline < 0 ? [text, undefined] : [text.slice(0, newline), text.slice(newline + 1)];
}

export function joinMarkdown(inline: string, following: string | undefined): string {
  if (following === undefined) return inline;
  return inline.trim().length === 0 ? following : `${inline}\n${following}`;
}

export function markdownEdit(kind: 'append' | 'body', markdown: string): UpdateEdit | string {
  if (markdown.trim().length === 0) {
    return kind === 'append'
      ? 'What should I append? Put the Markdown after `append:` (it may continue on the next lines).'
      : 'What should the new body be? Put the Markdown after `body:` (it may continue on the next lines).';
  }
  return { kind, markdown };
}

export function titleEdit(raw: string): UpdateEdit | string {
  const line = cleanLine(raw);
  const quoted = readQuoted(line, 0);
  const title = (quoted?.kind === 'quoted' ? quoted.value : line).trim();
  const problem = checkTitle(title);
  return problem ? `New title: ${problem}` : { kind: 'title', title };
}

function readQuotedValue(text: string, cursor: TextCursor, what: string): string | { error: string } {
  cursor.skipSpaces();
  const quoted = readQuoted(text, cursor.pos);
  if (quoted?.kind === 'quoted') {
    cursor.pos = quoted.end;
    return quoted.value;
  }
  if (quoted?.kind === 'unbalanced')
    return { error: `The ${what} text has an opening ${quoted.open} but no closing quote.` };
  return { error: `Put the ${what} text in quotes: replace "old text" with "new text".` };
}

/** Reads `"old" with "new"` (or, for `change`, `"old" to "new"`) at the cursor. */
export function replaceEdit(
  text: string,
  cursor: TextCursor,
  words: 'with' | 'change' = 'with',
): UpdateEdit | string {
  const joiner = words === 'change' ? CHANGE_TO : WITH;
  const find = readQuotedValue(text, cursor, 'old');
  if (typeof find !== 'string') return find.error;
  if (find.length === 0) return 'The text to replace is empty.';
  if (!cursor.take(joiner)) return 'Say what to replace it with: replace "old text" with "new text".';
  const replaceWith = readQuotedValue(text, cursor, 'new');
  if (typeof replaceWith !== 'string') return replaceWith.error;
  return { kind: 'replace', find, replaceWith };
}

export function sectionEdit(text: string): UpdateEdit | string {
  const cursor = new TextCursor(text);
  cursor.skipSpaces();
  const quoted = readQuoted(text, cursor.pos);
  let heading: string;
  if (quoted?.kind === 'quoted') {
    heading = quoted.value;
    cursor.pos = quoted.end;
  } else if (quoted?.kind === 'unbalanced') {
    return `The heading has an opening ${quoted.open} but no closing quote.`;
  } else {
    const colon = text.indexOf(':');
    const newline = text.indexOf('\n');
    if (colon < 0 || (newline >= 0 && newline < colon)) return 'Write it as: section "Heading": <markdown>.';
    heading = text.slice(0, colon);
    cursor.pos = colon;
  }
  heading = cleanLine(heading);
  if (heading.length === 0) return 'The section heading is empty.';
  // "section "Term" should say 3 years": the words before the text stand for the colon.
  const words = SECTION_TEXT_WORDS.exec(text.slice(cursor.pos));
  const said = words !== null && SAID_WITHOUT_COLON.test(words[0]);
  const afterHeading = said
    ? `: ${text.slice(cursor.pos + words[0].length)}`
    : text.slice(cursor.pos).replace(SECTION_TEXT_WORDS, '');
  // "section "Escalation" - page the IC": a spaced dash after the heading stands for the colon.
  const colon = /^[ \t]*(?::|[-–—]+(?=[ \t]))[ \t]*/.exec(afterHeading);
  if (!colon) return 'Put a colon after the heading: section "Heading": <markdown>.';
  const [inline, following] = splitFirstLine(afterHeading.slice(colon[0].length));
  const markdown = joinMarkdown(inline, following);
  if (markdown.trim().length === 0)
    return `What should the ${echoAsCode(heading)} section say? Put the Markdown after the colon.`;
  return { kind: 'section', heading, markdown };
}

/** "the word ", "every ": what may come before a quoted old text ({@link OLD_TEXT_LEAD}). */
const QUOTED_TEXT_LEAD = new RegExp(`${OLD_TEXT_LEAD}(?=["“‘'«„])`, 'iy');

/**
 * ""a" should be "b"" (a correction, the old text first): the same edit as replace. `undefined`
 * unless the line is exactly that.
 */
function shouldBeEdit(firstLine: string): UpdateEdit | undefined {
  const cursor = new TextCursor(firstLine);
  cursor.skipSpaces();
  // "the word "30 days" must be "60 days"": the noun before the old text is no part of it.
  cursor.take(QUOTED_TEXT_LEAD);
  const find = readQuoted(firstLine, cursor.pos);
  if (find?.kind !== 'quoted' || find.value.length === 0) return undefined;
  cursor.pos = find.end;
  if (!cursor.take(SHOULD_BE)) return undefined;
  const replaceWith = readQuoted(firstLine, cursor.pos);
  if (replaceWith?.kind !== 'quoted') return undefined;
  cursor.pos = replaceWith.end;
  cursor.skipSpaces();
  return /^[.!]*$/.test(cursor.rest())
    ? { kind: 'replace', find: find.value, replaceWith: replaceWith.value }
    : undefined;
}

/**
 * "30 days should be 45 days", "9:30 -> 9:45": an unquoted correction of a figure, old text first.
 * Both sides hold a digit: "Bob should be off" is a sentence to add, not a replace.
 */
const UNQUOTED_SHOULD_BE = new RegExp(
  String.raw`^[ \t]*([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}}?)[ \t]+(?:(?:should|must)[ \t]+(?:be|read|say)|->|→|=>)[ \t]+([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}})$`,
  'i',
);

/**
 * "change Sam to Priya for week 12": when the change holds, said after the new text, is no part of it;
 * such an unquoted change is not read (the bot asks), as what to write is unclear.
 */
const WHEN_AFTER_NEW = new RegExp(
  String.raw`\s(?:for|from|until|till|during|on|in|at|this|next)\s+(?:(?:the|this|next|last)\s+)?(?:week|wk|weekend|day|month|sprint|quarter|q[1-4]|${WEEKDAY}s?|\d)`,
  'i',
);

/**
 * "(change) the limit from 40 EUR (to …)": what changes, named before "from", is no part of the old text
 * ("it from …" only points: the old text stays unknown).
 */
export const NAMED_BEFORE_FROM =
  /^(?!(?:it|this|that|them|these|those)\b)(?:(?:the|our)\s+)?(?:[\w'-]+\s+){0,4}?from\s+(?=\S)/i;

/** At most three words: a name or a figure, not a sentence. */
function isShort(text: string): boolean {
  return text.split(/\s+/).length <= 3;
}

/**
 * "update jest to vitest" after the page ("In Testing Strategy, can you update jest to vitest?"): "update" as
 * a change of a few words into a few words; "update the intro to say …" keeps its own reading.
 */
const UNQUOTED_UPDATE = new RegExp(
  String.raw`^[ \t]*update[ \t]+([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}}?)[ \t]+(?:to|into|->|→)[ \t]+(?!(?:say|read|mention|include|state|reflect|show)\b)([^"“‘«„\n]{1,${MAX_UNQUOTED_EDIT}})$`,
  'i',
);

/** The {@link UNQUOTED_UPDATE} match when both texts are a few words, else `null`. */
function updateToEdit(line: string): RegExpExecArray | null {
  const match = UNQUOTED_UPDATE.exec(line);
  return match && isShort(match[1]!.trim()) && isShort(match[2]!.replace(/[.!?]+$/, '').trim())
    ? match
    : null;
}

/** An edit's verb before the old text of an arrow ("swap Sam -> Priya", "change 9:30 → 9:45"). */
const VERB_BEFORE_ARROW_TEXT = /^(?:change|swap|switch|replace|correct|fix|update|make)\s+(?=\S)/i;

/** "replace 30 days with 45 days": old and new text without quotes, alone on the line. */
function unquotedEdit(firstLine: string, following: string | undefined): UpdateEdit | undefined {
  if (following !== undefined && following.trim().length > 0) return undefined;
  const should = UNQUOTED_SHOULD_BE.exec(firstLine.trimEnd());
  // "swap Sam -> Priya": the verb before the old text of an arrow is no part of it.
  const find = should?.[1]?.trim().replace(VERB_BEFORE_ARROW_TEXT, '');
  // "40 EUR should be 45 EUR, please correct": asking for the fix is no part of the new text.
  const replaceWith = should?.[2]
    ?.replace(ASK_TO_FIX_AT_END, '')
    .replace(/[.!]+$/, '')
    .trim();
  // An arrow says "replace" outright ("Sam → Ana"), between short texts; "should be" needs figures.
  const arrow =
    should !== null && /(?:->|→|=>)/.test(should[0]) && isShort(find ?? '') && isShort(replaceWith ?? '');
  const figures = hasFigure(find ?? '') && hasFigure(replaceWith ?? '');
  // "title -> Archive": the page's title named as what changes is a rename, not text to find.
  const retitled =
    find && replaceWith && arrow && /^(?:the\s+)?(?:page\s+)?(?:title|name)$/i.test(find)
      ? titleEdit(replaceWith)
      : undefined;
  if (retitled !== undefined) return typeof retitled === 'string' ? undefined : retitled;
  if (find && replaceWith && (figures || arrow) && !/^['‘]/.test(find))
    return { kind: 'replace', find: oldLikeNew(find, replaceWith), replaceWith };
  const match = UNQUOTED_EDIT.exec(firstLine.trimEnd()) ?? updateToEdit(firstLine.trimEnd());
  // 'retro' in single quotes is quoted text, read by the quoted forms (apostrophes keep it here).
  if (!match || /^['‘]/.test(match[1]!)) return undefined;
  if (WHEN_AFTER_NEW.test(match[2]!) && !WHEN_AFTER_NEW.test(match[1]!)) return undefined;
  const named = match[1]!.trim().replace(NAMED_BEFORE_FROM, '');
  const newText = match[2]!.replace(/[.!]+$/, '').trim();
  // "change the gym amount 40 EUR to 50 EUR": what changes, named before its figure, is no part of the old text.
  const old = hasFigure(named) && hasFigure(newText) ? oldLikeNew(named, newText) : named;
  return { kind: 'replace', find: old, replaceWith: newText };
}

/** The edit in plain words on `firstLine` (see APPEND_WORDS, CHANGE_LINE), or `undefined`. */
function naturalEdit(firstLine: string, following: string | undefined): UpdateEdit | string | undefined {
  const shouldBe = shouldBeEdit(firstLine);
  if (shouldBe) return shouldBe;
  const change = CHANGE_LINE.exec(firstLine);
  if (change) {
    const cursor = new TextCursor(firstLine);
    cursor.pos = change[0].length;
    return replaceEdit(firstLine, cursor, 'change');
  }
  const withText = WITH_TEXT.exec(firstLine);
  if (withText) return markdownEdit('append', joinMarkdown(withText[1] ?? withText[2] ?? '', following));
  const words = APPEND_WORDS.exec(firstLine);
  if (!words) return undefined;
  const rest = firstLine.slice(words[0].length).trim();
  const headed = following === undefined ? QUOTED_THEN_HEADING.exec(rest) : null;
  const heading = (headed?.[2] ?? headed?.[3] ?? headed?.[4])?.trim();
  if (headed && heading && !PLACE_NOT_HEADING.test(heading))
    return { kind: 'section', heading, markdown: headed[1]! };
  const placed = rest.replace(PLACE_ON_PAGE, '');
  const quoted = readQuoted(placed, 0);
  const inline = quoted?.kind === 'quoted' && quoted.end === placed.length ? quoted.value : placed;
  return markdownEdit('append', joinMarkdown(inline, following));
}

/**
 * Appends the user wrote with the `append:` keyword: their text is added exactly, never read as a
 * replace said in words (see stated-replace.ts). `implied` appends (text after a colon that is no
 * edit form) are not in it.
 */
export const TYPED_APPENDS = new WeakSet<UpdateEdit>();

/**
 * Reads one edit (`append:`, `replace "a" with "b"`, `section "H":`, `body:`, `title:`, or the same in plain words: "add a line saying …") from
 * `text`, whose first line holds the keyword. Markdown after the keyword continues over the following
 * lines and is kept exactly. Returns a user-facing reason when the edit is unusable.
 */
export function parseEditText(written: string, implied = false): UpdateEdit | string {
  const text = written.replace(LINKING_WORD, '').replace(ASKING_AT_START, '');
  const [firstLine, following] = splitFirstLine(text);
  // "In Team Rituals please add" and the text on the next lines: the verb alone on its line.
  // Its text is added as typed, as after `append:` on one line ("append:\n0->1" is no replace).
  if (BARE_APPEND_LINE.test(firstLine) && following !== undefined && following.trim().length > 0) {
    const edit = markdownEdit('append', joinMarkdown('', following));
    if (!implied && typeof edit !== 'string') TYPED_APPENDS.add(edit);
    return edit;
  }
  const append = APPEND_LINE.exec(firstLine);
  if (append) {
    const edit = markdownEdit('append', joinMarkdown(firstLine.slice(append[0].length), following));
    if (!implied && typeof edit !== 'string') TYPED_APPENDS.add(edit);
    return edit;
  }
  const newTitle = NEW_TITLE_LINE.exec(firstLine);
  if (newTitle && (following === undefined || following.trim().length === 0))
    return titleEdit(firstLine.slice(newTitle[0].length));
  const newSection = NEW_SECTION_LINE.exec(firstLine);
  if (newSection) return sectionEdit(text.slice(newSection[0].length).replace(SECTION_AFTER_HEADING, '$1'));
  const under = UNDER_HEADING_LINE.exec(firstLine);
  const underHeading = under ? (under[1] ?? under[2])!.trim() : '';
  const bare = under ? null : UNDER_BARE_HEADING_LINE.exec(firstLine);
  const heading = under ? underHeading : (bare?.[1]?.trim() ?? '');
  const headed = under ?? bare;
  if (headed && heading.length > 0 && !PLACE_NOT_HEADING.test(heading))
    return sectionEdit(`${JSON.stringify(heading)}: ${text.slice(headed[0].length)}`);
  // "add to the last section: …" goes where an append goes; "add to the first part: …" names no heading to find.
  if (headed && PLACE_NOT_HEADING.test(heading))
    return PLACE_AT_END.test(heading) ? markdownEdit('append', text.slice(headed[0].length)) : PLACE_QUESTION;
  const whole = WHOLE_BODY_LINE.exec(firstLine);
  if (whole)
    return markdownEdit(
      'body',
      joinMarkdown(unquotedWhole(firstLine.slice(whole[0].length), following), following),
    );
  const natural = naturalEdit(firstLine, following);
  if (natural !== undefined) return natural;
  const unquoted = unquotedEdit(firstLine, following);
  if (unquoted) return unquoted;
  const body = BODY_LINE.exec(firstLine);
  if (body) return markdownEdit('body', joinMarkdown(firstLine.slice(body[0].length), following));
  const stated = HEADING_SHOULD_SAY.exec(firstLine);
  if (stated) return sectionEdit(`"${stated[1]}": ${text.slice(stated[0].length)}`);
  const section = SECTION_LINE.exec(firstLine);
  if (section) return sectionEdit(text.slice(section[0].length));
  const replace = REPLACE_LINE.exec(firstLine);
  if (replace) {
    const cursor = new TextCursor(text);
    cursor.pos = replace[0].length;
    const edit = replaceEdit(text, cursor);
    if (typeof edit === 'string') return edit;
    // "replace "Sam" with "Priya" for week 12", "… for flights over 6 hours": when or where the change holds is no further edit.
    return cursor.atEnd() || isWhenAlone(cursor.rest()) || FOR_WHAT_AFTER_REPLACE.test(cursor.rest())
      ? edit
      : 'Only one replace per update: nothing may follow replace "old" with "new".';
  }
  const sedCursor = new TextCursor(firstLine);
  sedCursor.skipSpaces();
  const sed = readSedEdit(sedCursor);
  if (sed && /^[\s.!]*$/.test(sedCursor.rest()) && !following?.trim()) return sed;
  // "sorry about before - rename the Reading List to Books": a rename naming its own page is no edit of the one before.
  if (RENAME_OF_NAMED_PAGE.test(firstLine)) return RENAME_OF_NAMED_PAGE_REASON;
  const title = TITLE_LINE.exec(firstLine);
  if (title && /^[ \t]*(?:title|rename)/i.test(firstLine)) {
    if (following !== undefined && following.trim().length > 0) return 'A new title must fit on one line.';
    return titleEdit(firstLine.slice(title[0].length));
  }
  // "apend: …", "replcae "a" with "b"", "secton "H": …": the edit keyword mistyped, read once more as meant.
  const keyword = EDIT_KEYWORD_TYPO.exec(text);
  const meant = keyword ? correctedWord(keyword[2]!.toLowerCase()) : undefined;
  if (meant && EDIT_KEYWORDS.has(meant))
    return parseEditText(`${keyword![1]}${meant}${text.slice(keyword![0].length)}`);
  return `I did not understand the change. After the page, write one of: ${UPDATE_EDIT_FORMS.join(' · ')}`;
}
