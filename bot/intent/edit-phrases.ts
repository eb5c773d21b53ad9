import {
  ASKING_BEFORE_EDIT,
  EDIT_VERB,
  joinMarkdown,
  markdownEdit,
  PLACE_QUESTION,
  parseEditText,
  replaceEdit,
} from './edit-text.js';
import { askForTextOn, failure, finish, POSITION_OWNER, readTarget, update } from './parse-update.js';
import { readQuoted } from './read-quoted.js';
import { isUnderIdiom, PART_NOUN, sectionInPageName } from './section-heading.js';
import { TextCursor } from './text-cursor.js';
import type { Intent } from './types.js';
import { splitWhen } from './when-phrase.js';

/*
 * Updates phrased in other orders than "update <page>, then the edit": the text before the page
 * ("add a line saying … to X"), the page first ("in the X page, add …", "change in X "a" to "b""),
 * or something added to a page, then "saying" ("add a lien to X saying …").
 */

/** Longer links first: at the same place, " to the end of " is the link, not " to ". */
const PAGE_LINK_WORDS = [
  ' to the end of ',
  ' onto the end of ',
  ' at the end of ',
  ' to the bottom of ',
  ' at the bottom of ',
  ' to ',
  ' onto ',
  ' into ',
  ' on ',
  ' in ',
] as const;
const POSITION_TARGET = new RegExp(`^${POSITION_OWNER}`, 'i');
/** What follows " in "/" on " when it only names a space ("… in OPS"), not the page. */
const ONLY_A_SPACE = /^(?:the\s+)?(?:space\s+)?~?[A-Z0-9]{2,10}(?:\s+space)?[\s.!]*$/;

/**
 * "add the line meet at 10 to X", "add a note that standup moved to 9:45 to X": the noun (and "that")
 * before unquoted text is not part of it.
 */
const LINE_NOUN_FIRST =
  /^(?:the\s+|this\s+)(?:line|sentence)\s*:?\s+(?=\S)|^(?:an?|one)\s+(?:(?:quick|short|small|little)\s+)?(?:line|sentence|note|bullet|comment|remark)\s+that\s+(?!says\b)(?=\S)/i;

/** "add that the gym discount ends in june to X": "that" before a clause (its subject an article, pronoun or name) is not added. */
const THAT_BEFORE_CLAUSE =
  /^that\s+(?=(?:the|a|an|our|all|every|no|we|you|they|he|she|it|there|[A-Z]\S*)\s+\S|(?:[a-z][\w-]*\s+){1,2}(?:is|are|was|were|has|have|had|will|can|must|should|need|needs|may|might|get|gets|start|starts|end|ends|close|closes|open|opens|move|moves|run|runs|go|goes|cost|costs|take|takes|expire|expires)\b)/;

/** Longest text before a heading that {@link TEXT_UNDER_HEADING} is tried on (bounded work). */
const MAX_TEXT_BEFORE_HEADING = 300;
/**
 * Text, then "under" a heading: quoted, in capitals, or with its part noun ("… under Troubleshooting", "… under
 * the "Linux" heading", "… under the parking section"); "under the stairs" is a place, "the last line" a position.
 */
const TEXT_UNDER_HEADING = new RegExp(
  String.raw`^(\S[^\n]{0,300}?)\s+(?:under|below|beneath)\s+(?:the\s+)?(?!(?:last|final|bottom|end|top|first|same)\b)(?:${PART_NOUN}\s+)?(?:["“]([^"“”\n]{1,60})["”](?:\s+${PART_NOUN})?|([A-Z0-9][^"“”\n,:]{0,59}?)(?:\s+${PART_NOUN})?|([^"“”\n,:]{1,60}?)\s+${PART_NOUN})$`,
);

/**
 * "a note about parking", "something regarding holidays": what is added only described, then its topic; no
 * text is given (group 1 the preposition, group 2 the topic).
 */
const DESCRIBED_TOPIC =
  /^(?:(?:an?|one|some)\s+(?:(?:new|short|quick|little|small|few)\s+)?(?:line|note|sentence|bit|paragraph|bullet|words?|info|information|details|text)|something|smth|sth|more|info|information|details)\s+(about|regarding|concerning|re)\s+([^:"“”\n]{1,80}?)[\s?!.]*$/i;

/** Words that point at the text on the next lines ("the below", "the following lines", "this"). */
const POINTS_TO_NEXT_LINES =
  /^(?:the\s+)?(?:following|below|these|this)(?:\s+(?:lines?|text|points|bullets|notes?|info|information|details|content))?(?:\s+below)?$/i;

/** Where each link word last occurs in `lower`, latest first (the page is named last). */
function linkPositions(lower: string): { at: number; word: string }[] {
  return PAGE_LINK_WORDS.map((word) => ({ at: lower.lastIndexOf(word), word }))
    .filter(({ at }) => at > 0)
    .sort((a, b) => b.at - a.at);
}

/**
 * An append phrased with the text before the page: "add a line saying <text> to the VPN Setup
 * Guide" (`remainder` starts at the text). The page is what follows the last of " to ", " onto ",
 * " into ", " on ", " in " (the text itself may hold them: "default to off into the Feature Flags
 * page"); " in OPS" alone names the space, not the page. One backward search per word: linear.
 */
export function parseAppendSaying(remainder: string, bodyLines: string): Intent {
  const text = remainder.trim();
  const described = parseDescribedAppend(text, bodyLines);
  if (described) return described;
  for (const { at, word } of linkPositions(text.toLowerCase())) {
    const after = text.slice(at + word.length);
    if ((word === ' in ' || word === ' on ') && ONLY_A_SPACE.test(after)) continue;
    if (word.endsWith(' of ') && !POSITION_TARGET.test(after)) continue;
    const said = text.slice(0, at).trim().replace(LINE_NOUN_FIRST, '').replace(THAT_BEFORE_CLAUSE, '');
    // "add the below to Team Rituals" and the text on the next lines: the pointer is no text.
    const content = bodyLines.trim() && POINTS_TO_NEXT_LINES.test(said) ? '' : said;
    // "add Priya to the on-call rota for week 12": when it holds is part of the text, not of the page's name.
    const when = splitWhen(after);
    const cursor = new TextCursor(when.page);
    const ref = readTarget(cursor, 'end');
    if (typeof ref === 'string') continue;
    if (!cursor.atEnd() && ref.kind !== 'title-search') continue;
    // "add restart the client under Troubleshooting in the VPN Setup Guide": the heading said last is a section.
    const under =
      content.length <= MAX_TEXT_BEFORE_HEADING && !when.when ? TEXT_UNDER_HEADING.exec(content) : null;
    const heading = under ? (under[2] ?? under[3] ?? under[4])!.trim() : '';
    if (under && !isUnderIdiom(heading) && !bodyLines)
      return update(ref, { kind: 'section', heading, markdown: under[1]!.trim() });
    // "add a note about parking to the onboarding page": only the topic of the text, no text to add.
    const topic = bodyLines ? null : DESCRIBED_TOPIC.exec(content);
    if (topic) return askForTextOn(topic[1]!, topic[2]!);
    const quoted = readQuoted(content, 0);
    const markdown =
      quoted?.kind === 'quoted' && quoted.end === content.length ? quoted.value : `${content}${when.when}`;
    return finish(ref, () => markdownEdit('append', joinMarkdown(markdown, bodyLines || undefined)));
  }
  return failure('Say which page: add a line saying <text> to the VPN Setup Guide.');
}

/**
 * "put the new escalation contacts on the Incident Response page: Sam then Ana": what is added is only
 * described before the page; the text follows the page and the colon at `colon`. `undefined` when
 * `afterLink` has no page before that colon.
 */
function describedThenText(afterLink: string, colon: number, bodyLines: string): Intent | undefined {
  if (colon <= 0) return undefined;
  const cursor = new TextCursor(afterLink.slice(0, colon));
  const ref = readTarget(cursor, 'end');
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  const text = afterLink.slice(colon + 1).trim();
  return finish(ref, () => markdownEdit('append', joinMarkdown(text, bodyLines || undefined)));
}

/**
 * A new section described before the page ("a new section called FAQ", "a Printers section", "a section
 * named "Hotels""): its heading, quoted or a few words. A pattern on the described words only (bounded).
 */
const SECTION_DESCRIBED =
  /^(?:an?\s+|the\s+)?(?:new\s+)?(?:section|heading|subsection|part)\s+(?:(?:called|named|titled|on|about|for)\s+)?["“]?([^"“”:,\n]{1,60}?)["”]?$|^(?:an?\s+|the\s+)?(?:new\s+)?["“]?([^"“”:,\n]{1,60}?)["”]?\s+(?:section|heading|subsection)$/i;
/** Words that only lead in to the text after the page ("… saying:", "… with the text:"), no part of its name. */
const TEXT_LEAD_AT_END =
  /\s+(?:saying|stating|(?:that|which)\s+says|to\s+say|with(?:\s+(?:the\s+)?(?:text|content|words))?)$/i;

/**
 * "add a new section called FAQ to the Remote Work Policy saying: …", "add a Printers section to X: …":
 * a section described before the page, its text after the colon. `undefined` unless the described words
 * name a section and the page reads.
 */
function describedSection(
  described: string,
  afterLink: string,
  colon: number,
  bodyLines: string,
): Intent | undefined {
  const section = SECTION_DESCRIBED.exec(described.trim());
  const heading = (section?.[1] ?? section?.[2])?.trim();
  if (!heading || /^(?:new|this|that|same|whole|first|last|next)$/i.test(heading)) return undefined;
  const cursor = new TextCursor(afterLink.slice(0, colon).replace(TEXT_LEAD_AT_END, ''));
  const ref = readTarget(cursor, 'end');
  const text = joinMarkdown(afterLink.slice(colon + 1).trim(), bodyLines || undefined);
  if (typeof ref === 'string' || !cursor.atEnd() || text.trim().length === 0) return undefined;
  return update(ref, { kind: 'section', heading, markdown: text });
}

/** The colon before the text: not the one of a link ("https://") or of a time ("moved to 9:45"). */
const TEXT_COLON = /:(?!\/\/|\d)/;

/**
 * Words that quote what is added ("a line saying …", "that they want SSO"): the text is then before the
 * page, not after it.
 */
const QUOTES_TEXT = /\b(?:saying|says|reading|stating|text)\b|["“‘«„]|^\s*that\s/i;

/**
 * "add the new hires to the onboarding page: Ana, Sam": something described, a link word, the page,
 * then the text after a colon (the colon of a link, "https:", is not one). `undefined` when it does not
 * read that way.
 */
export function parseDescribedAppend(remainder: string, bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const colon = text.search(TEXT_COLON);
  if (colon <= 0) return undefined;
  const head = text.slice(0, colon);
  for (const { at, word } of linkPositions(head.toLowerCase())) {
    const afterLink = text.slice(at + word.length);
    const section = describedSection(head.slice(0, at), afterLink, colon - at - word.length, bodyLines);
    if (section) return section;
    if (QUOTES_TEXT.test(head.slice(0, at))) return undefined;
    const described = describedThenText(text.slice(at + word.length), colon - at - word.length, bodyLines);
    if (described) return described;
  }
  return undefined;
}

/** A link word first ("under the Parking heading of …", "to the Office Guide"): the page is named before the colon. */
const LINK_FIRST =
  /^(?:(?:to|onto|at)\s+the\s+(?:very\s+)?(?:end|bottom)\s+of|under|in|inside|within|to|onto|into|on)\s+(?=\S)/i;
/** Link words that only say where text goes; "under", "in" stay for a section named with the page. */
const MOVE_LINK = /^(?:(?:to|onto|at)\s+the\s+(?:very\s+)?(?:end|bottom)\s+of|to|onto|into|on)\s+/i;

/**
 * "write under the Parking heading of the Office Guide: bikes go in bay 3": a link word, the page (and a
 * section named with it) before the colon, the text after it. The text is never searched for the page
 * (its own " in " is not one). `undefined` when the line does not start that way or no page reads there.
 */
export function parsePageThenColonText(remainder: string, bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const colon = text.search(TEXT_COLON);
  if (colon <= 0 || !LINK_FIRST.test(text)) return undefined;
  const head = text.slice(0, colon).trim().replace(MOVE_LINK, '');
  const markdown = joinMarkdown(text.slice(colon + 1).trim(), bodyLines || undefined);
  const part = sectionInPageName(head);
  // "add under review: Sam", "put under Day 1: …": "under" names a heading (or an idiom), never the page.
  if (!part && /^(?:under|below|beneath)\s/i.test(head))
    return failure('Which page? Name it with the heading: add under "Heading" in <page>: <text>.');
  const cursor = new TextCursor(part ? part.page : head.replace(LINK_FIRST, ''));
  const ref = readTarget(cursor, 'end');
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  if (part)
    return markdown.trim() ? update(ref, { kind: 'section', heading: part.heading, markdown }) : undefined;
  return finish(ref, () => markdownEdit('append', markdown));
}

/** Where the page named first ends and its edit starts: a comma or colon, or the edit's verb. */
const WISH_BEFORE_EDIT = String.raw`(?:${ASKING_BEFORE_EDIT}|(?:i|we)(?:\s+(?:want|need|would\s+like)|'d\s+like)\s+(?:to\s+)?|(?:you|u)\s+(?:must|should|can|could|need\s+to|have\s+to)\s+(?:please\s+)?)`;
const PAGE_FIRST_END = new RegExp(
  String.raw`\s+update(?:\s+(?:pls|please|plz))?\s*:\s*|\s*(?:-+>|→|=>)\s*|\s*(?:,|(?<!\d):|:(?!\d))\s*|\s[-–—]\s*|\s+(?=s\/[^/\s][^/\n]{0,199}\/)|\s+(?=${WISH_BEFORE_EDIT}?(?:to\s+)?(?:${EDIT_VERB}|(?:update|edit)\s+(?:section\b|(?=["“]))|(?:modify|amend)\s))`,
  'i',
);
/** Courtesy between the page and its edit ("in the X, can you please add …", "please to put"), dropped. */
const COURTESY_BEFORE_EDIT = new RegExp(`^(?:${WISH_BEFORE_EDIT}(?:to\\s+)?|to\\s+(?=${EDIT_VERB}))`, 'i');

/**
 * Places tried where the page named first may end ("in the Fix Log page add …": not at "Fix").
 * Each try reads the line once, so a few of them keep the work linear.
 */
const MAX_PAGE_FIRST_TRIES = 4;

/**
 * The edit on the lines after "for the X page:" (nothing after the colon on the first line); plain
 * text after a colon is added, as after "append:".
 */
function editOnNextLines(separator: string, bodyLines: string): ReturnType<typeof parseEditText> {
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  if (lines.trim().length === 0) return 'no edit';
  const edit = parseEditText(lines);
  return typeof edit === 'string' && separator.includes(':') ? parseEditText(`append: ${lines}`, true) : edit;
}

/**
 * An edit phrased with the page first: "in the Team Rituals page, add a line saying …", "on the
 * VPN Setup Guide: append "…"", "to the expense policy add: …" (`remainder` starts at the page).
 * `undefined` when no edit follows the page, so the line is read another way.
 */
export function parsePageFirstEdit(remainder: string, bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const ends = new RegExp(PAGE_FIRST_END.source, 'gi');
  let tries = 0;
  for (let end = ends.exec(text); end && tries < MAX_PAGE_FIRST_TRIES; end = ends.exec(text)) {
    tries += 1;
    if (end[0].length === 0) ends.lastIndex += 1;
    if (end.index === 0) continue;
    const edit = pageFirstEditAt(text, end, bodyLines);
    if (edit) return edit;
  }
  return undefined;
}

/**
 * "the guide should say: add the printer from settings", "make the Office Guide say: …": the page is
 * named before the wish, and all after the colon is what it should say (its verb is no edit of the bot's).
 */
const SHOULD_SAY =
  /^(?:make\s+(\S.{0,150}?)\s+(?:also\s+)?(?:say|read)|(\S.{0,150}?)\s+(?:should|must|needs?\s+to|has\s+to|ought\s+to)\s+(?:also\s+)?(?:say|read))$/i;

/** The page named in a wish ("the guide should say") and the text after the colon, appended. */
function wishedText(name: string, text: string, end: RegExpExecArray, bodyLines: string): Intent | undefined {
  const cursor = new TextCursor(name);
  const ref = readTarget(cursor, 'end');
  const said = text.slice(end.index + end[0].length).trim();
  if (typeof ref === 'string' || !cursor.atEnd() || said.length === 0) return undefined;
  return finish(ref, () => markdownEdit('append', joinMarkdown(said, bodyLines || undefined)));
}

/** The page before `end` and the edit after it, or `undefined` when either does not read. */
function pageFirstEditAt(text: string, end: RegExpExecArray, bodyLines: string): Intent | undefined {
  const named = text.slice(0, end.index);
  const wished = SHOULD_SAY.exec(named.trim());
  if (wished && end[0].includes(':')) return wishedText(wished[1] ?? wished[2]!, text, end, bodyLines);
  // "under Compensation in the rota add: Sam": the part is read off first, so "in the rota" stays the page
  // (read alone, "under Compensation in the rota" took "rota" for a space).
  const part = sectionInPageName(named);
  const ref = readTarget(new TextCursor((part ? part.page : named).replace(PAGE_COMPLAINT, '')), 'end');
  if (typeof ref === 'string') return undefined;
  const editText = text.slice(end.index + end[0].length).replace(COURTESY_BEFORE_EDIT, '');
  const written = bodyLines.length > 0 ? `${editText}\n${bodyLines}` : editText;
  const parsed = editText.trim().length > 0 ? parseEditText(written) : editOnNextLines(end[0], bodyLines);
  // "on-call rota update: Sam is off": plain text after "update:" is added.
  const plain = /update/i.test(end[0]);
  const edit =
    typeof parsed === 'string' && plain && editText.trim().length > 0
      ? parseEditText(`append: ${written}`, true)
      : parsed;
  // "in the rota, add to the first part: Sam": the page and the text read, only the place is unclear.
  if (edit === PLACE_QUESTION) return failure(edit);
  // "under Equipment on the remote work policy: laptops only": a part named with its page, then its text.
  if (
    typeof edit === 'string' &&
    part &&
    !isUnderIdiom(part.heading) &&
    end[0].includes(':') &&
    editText.trim()
  )
    return update(ref, {
      kind: 'section',
      heading: part.heading,
      markdown: joinMarkdown(editText.trim(), bodyLines || undefined),
    });
  if (typeof edit === 'string') return undefined;
  // "for the rota page - Sam is back, pls add it": "it" points at the statement said between the page and the edit.
  if (edit.kind === 'append' && POINTED_TEXT.test(edit.markdown))
    return statementBeforeEdit(named, bodyLines);
  return part && (edit.kind === 'append' || edit.kind === 'body')
    ? update(ref, { kind: 'section', heading: part.heading, markdown: edit.markdown })
    : update(ref, edit);
}

/** Text that only points back ("it", "that in", "this too"): never what is added. */
const POINTED_TEXT = /^\s*(?:it|that|this|them)(?:\s+(?:in|on|there|too|as\s+well|pls|please))?[\s.!?]*$/i;
/** The page, then a comma or spaced dash, then a statement ("the rota page - Sam is back"). Bounded runs. */
const PAGE_THEN_STATEMENT = /^([^,\n]{1,150}?)(?:\s*,\s*|\s+[-–—]+\s+)(\S[^\n]{0,300}?)[\s,;]*$/;

/** The page and the statement before an edit that only points at it, as an append; else `undefined`. */
function statementBeforeEdit(named: string, bodyLines: string): Intent | undefined {
  const split = PAGE_THEN_STATEMENT.exec(named.trim());
  if (!split || bodyLines.trim().length > 0) return undefined;
  const cursor = new TextCursor(split[1]!);
  const ref = readTarget(cursor, 'end');
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  return update(ref, { kind: 'append', markdown: split[2]!.trim() });
}

/**
 * What is wrong with the page, said after its name ("X has a typo: …", "X is missing our rule, please
 * add: …", "X is out of date - …", "the rota's wrong, …"): not part of the name. Checked on the name's last words only.
 */
export const PAGE_COMPLAINT =
  /(?:\s+(?:(?:is|are)\s+having\s+[^,:\n]{1,40}|(?:has|have)\s+(?:the\s+|an?\s+)?(?:old|outdated|wrong|incorrect)\s+[^,:\n]{1,30}|(?:has|have|had|contains?)\s+(?:a|an|some|one|two|a\s+few)\s+(?:small\s+|little\s+|tiny\s+)?(?:typos?|mistakes?|errors?|issues?)|(?:is|are)\s+(?:wrong|outdated|out\s+of\s+date|incorrect|broken|missing\s[^,:\n]{1,60})|needs?\s+(?:an?\s+)?(?:(?:small|quick|tiny|little)\s+)?(?:fix|fixing|correction|updating|update|tweak))|['’]s\s+(?:wrong|outdated|out\s+of\s+date|incorrect|broken))(?:\s+(?:btw|fyi|tbh|though|again|lol))?$/i;

/** "<thing> to <page> saying <text>": the thing is short, the page ends at "saying" (or "that"). */
const ADD_TO_SAYING =
  /^(.{1,60}?)\s(to|onto|into|on|in)\s+(.+?)(?:\s+(?:saying|that\s+says|which\s+says|reading|that)\s*:?\s+|\s*:\s+|\s+[-–—]\s+)(\S[\s\S]*)$/i;

/**
 * "add a lien to the Team Rituals saying retro is monthly": something added (whatever it is
 * called, typos included) to a page, then the text after "saying". `undefined` when it does not
 * read that way.
 */
export function parseAddToSaying(remainder: string, bodyLines: string): Intent | undefined {
  const match = ADD_TO_SAYING.exec(remainder.trim());
  if (!match) return undefined;
  // "a bullet under "Day 1" in the Onboarding page: …": a part named with the page is a section.
  const part = sectionInPageName(`${match[1]} ${match[2]} ${match[3]}`);
  // "a "Parking" heading to the Onboarding page with: …": a new section described before the page.
  const described = part ? null : SECTION_DESCRIBED.exec(match[1]!.trim());
  const heading = (described?.[1] ?? described?.[2])?.trim();
  const page = part ? part.page : heading ? match[3]!.replace(TEXT_LEAD_AT_END, '') : match[3]!;
  const ref = readTarget(new TextCursor(page), 'end');
  if (typeof ref === 'string') return undefined;
  const text = joinMarkdown(match[4]!.trim(), bodyLines || undefined);
  if (heading && !/^(?:new|this|that|same|whole|first|last|next)$/i.test(heading))
    return update(ref, { kind: 'section', heading, markdown: text });
  if (part) return update(ref, { kind: 'section', heading: part.heading, markdown: text });
  return finish(ref, () => markdownEdit('append', text));
}

/**
 * "change in the page X "a" to "b"", "replace in X "a" with "b"": the page first, then the quoted
 * old and new text (`remainder` starts at the page). `undefined` when it does not read that way.
 */
export function parseChangeIn(remainder: string, _bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const quote = /["“‘'«„]/.exec(text);
  if (!quote) return undefined;
  // "change in X the word "a" with "b"": the noun before the quote is not part of the page's name.
  const name = text
    .slice(0, quote.index)
    .replace(/\s+(?:the|a)(?:\s+(?:word|words|text|phrase|line|sentence|number|value|date))?\s*$/i, '');
  const ref = readTarget(new TextCursor(name), 'end');
  if (typeof ref === 'string') return undefined;
  const cursor = new TextCursor(text);
  cursor.pos = quote.index;
  const edit = replaceEdit(text, cursor, 'change');
  return typeof edit === 'string' || !cursor.atEnd() ? undefined : update(ref, edit);
}

/**
 * "(change in) Remote Work Policy the 2 office days to 3 office days", "(correct in) Paid Time Off page 25
 * days into 27 days": the page first, ended by "the", its page noun or a comma (a title may end in a
 * figure), then old and new text without quotes. Read only when both start with a figure (a sentence is
 * never guessed at); bounded runs, anchored.
 */
/** A figure at the start of a text: a digit, or a number said in words ("three days"). */
const FIGURE_START = String.raw`(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)\s)`;
const FIGURES_AFTER_PAGE = new RegExp(
  String.raw`^(\S[^"“\n:]{0,120}?)(?:\s+(?:page|doc)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?|\s+the\s+)(${FIGURE_START}(?:(?!\sthe\s)[^"“\n]){0,60}?)\s+(?:to|into|->|→|with|by)\s+(${FIGURE_START}[^"“\n]{0,60}?)[\s.!]*$`,
  'i',
);
/**
 * The same with nothing between a title in capitals and the old text ("replace in Remote Work Policy three days
 * with two days", "change in Salary Bands 2025 60-75k to 70-85k": a year may end the title): read only when both
 * texts have as many words, so a title's own figure stays in it.
 */
const FIGURES_AFTER_TITLE = new RegExp(
  String.raw`^(\S[^"“\n:]{0,120}?[A-Z][\w&'’-]*(?:\s(?:19|20)\d\d)?)\s+(${FIGURE_START}(?:(?!\sthe\s)[^"“\n]){0,60}?)\s+(?:to|into|->|→|with|by)\s+(${FIGURE_START}[^"“\n]{0,60}?)[\s.!]*$`,
);

/** Longest line {@link FIGURES_AFTER_PAGE} can match (page, old and new text, and the words between). */
const MAX_FIGURES_LINE = 260;

/** The replace of {@link FIGURES_AFTER_PAGE} (`remainder` starts at the page), or `undefined`. */
export function parseChangeInFigures(remainder: string, _bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  // Longer than a page, two short texts and their links cannot match: not searched (bounded work).
  if (text.length > MAX_FIGURES_LINE) return undefined;
  const wordCount = (part: string) => part.trim().split(/\s+/).length;
  const titled = FIGURES_AFTER_TITLE.exec(text);
  const match =
    FIGURES_AFTER_PAGE.exec(text) ??
    (titled && wordCount(titled[2]!) === wordCount(titled[3]!) ? titled : null);
  if (!match) return undefined;
  const cursor = new TextCursor(match[1]!);
  const ref = readTarget(cursor, 'end');
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  return update(ref, { kind: 'replace', find: match[2]!.trim(), replaceWith: match[3]!.trim() });
}

/**
 * "three days -> two days in the Remote Work Policy", ""Okta" → "Entra" in X": old text, an arrow, new text
 * (each quoted or not), then the page. Bounded runs.
 */
const ARROW_THEN_PAGE =
  /^(?:["“]([^"”\n]{1,80})["”]|([^"“\n]{1,80}?))\s*(?:->|→|=>)\s*(?:["“]([^"”\n]{1,80})["”]|([^"“\n]{1,80}?))\s+(?:in|on)\s+(?=\S)/;
/** Most words of either text in an {@link ARROW_THEN_PAGE} replace: a value, not a sentence. */
const MAX_ARROW_WORDS = 3;

/** The replace of {@link ARROW_THEN_PAGE} (the page must read to the end of the line), or `undefined`. */
export function parseArrowThenPage(line: string, bodyLines: string): Intent | undefined {
  const match = ARROW_THEN_PAGE.exec(line.trim());
  if (!match || bodyLines.trim().length > 0) return undefined;
  const [find, replaceWith] = [(match[1] ?? match[2]!).trim(), (match[3] ?? match[4]!).trim()];
  const short = (text: string) => text.length > 0 && text.split(/\s+/).length <= MAX_ARROW_WORDS;
  if (!short(find) || !short(replaceWith)) return undefined;
  const cursor = new TextCursor(line.trim().slice(match[0].length));
  const ref = readTarget(cursor, 'end');
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  return update(ref, { kind: 'replace', find, replaceWith });
}
