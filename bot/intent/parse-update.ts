import type { PageRef } from '../confluence/types.js';
import { TEXT_NAMED, WITH } from './body-markers.js';
import { pageWordsOfEdit } from './edit-page-words.js';
import {
  ADDED_LINE,
  ASKING_BEFORE_EDIT,
  EDIT_VERB,
  joinMarkdown,
  markdownEdit,
  NAMED_BEFORE_FROM,
  parseEditText,
  readSedEdit,
  replaceEdit,
  sectionEdit,
  TYPED_APPENDS,
  titleEdit,
} from './edit-text.js';
import { CREATE_EXAMPLES, UPDATE_EDIT_FORMS } from './examples.js';
import { PAGE_LIKE } from './loose-forms.js';
import { readPageName } from './page-name.js';
import { checkTitle, MAX_TITLE_LENGTH, readPageRef } from './page-ref.js';
import { isPointingFind } from './pointing-find.js';
import { quotedBeforeRemark } from './quoted-then-remark.js';
import { readQuoted } from './read-quoted.js';
import { sectionInPageName } from './section-heading.js';
import { spaceAfterPageName } from './space-after-page-name.js';
import { hasFigure, oldLikeNew, statedReplace } from './stated-replace.js';
import { TextCursor } from './text-cursor.js';
import { pageAfterTextAt } from './text-then-page.js';
import { colonTitleEnd, titleBeforeSecondColon, titleBeforeThat } from './title-with-colon.js';
import type { Intent, TitleSearchRef, UpdateEdit } from './types.js';
import { WEEKDAY } from './weekdays.js';
import { isWhenAlone, splitWhen } from './when-phrase.js';

/** How the update was phrased; decides which edit the words after the page describe. */
export type UpdateMode =
  | 'update'
  | 'append-to'
  | 'append-quoted'
  | 'rename'
  | 'set-title'
  | 'set-body'
  | 'replace'
  | 'change'
  | 'sed'
  | 'section';

/**
 * What "the end of" is said of when it means a place on a page ("to the end of the rota", "… of
 * page 12"): an article, "page", an id, a quote or a link. Bare words ("the end of year review")
 * are a title.
 */
export const POSITION_OWNER = String.raw`(?:(?:the|our|this|that|page|doc)\b|\d|["“‘'«„]|https?:)`;
const EDIT_SUGGESTIONS = UPDATE_EDIT_FORMS.map((form) => `update 123456 ${form}`);
const TO = /\s*(?:to|as|into|with)\b\s*:?\s*|\s*by\s*:\s*|\s*(?:->|→|=>)\s*|\s*:\s*/iy;
const ONTO = new RegExp(
  // "2" for "to", as typed on a phone ("ad 'retro biweekly' 2 team rituals").
  String.raw`\s*(?:(?:to|onto|at)\s+the\s+(?:very\s+)?(?:end|bottom)\s+of(?=\s+${POSITION_OWNER})|to|onto|into|on|in|under|2(?=\s+\D))\s+`,
  'iy',
);
/**
 * "replace the text "a" with …", "change the word "a" to …": the noun before the quoted text; "the" alone
 * ("change the "45 minutes" to …"), "every / all (instances of)" ("replace every "Okta" with …") too.
 */
const TEXT_NOUN =
  /(?:(?:every|each|all)\s+(?:(?:the\s+)?(?:instances?|occurrences?|mentions?|cases?)\s+of\s+)?|(?:the\s+)?(?:(?:text|word|words|phrase|line|sentence|spelling|typo|date|number|name|figure|value|time)(?:\s+of)?)\s+|the\s+)(?=["“‘'«„])/iy;
/** "replace the date 25 Dec with 24 Dec": the noun before unquoted old text is not part of it. */
const UNQUOTED_NOUN =
  /^(?:the\s+)(?:text|word|words|phrase|date|number|figure|value|time|amount|price|address|link|url)\s+(?=\S)/i;
/** The first " to" followed by a space or colon ("rename X to Y", "set the body of X to: …"; "by:" as non-native English has it). */
const TO_WORD = /\s(?:to|into|as)(?=[\s:])|\s(?:with|w\/|by)(?=\s*:)|\s*(?:->|→|=>)/i;
/** The link to the page after an edit's texts ("in", "on"; "everywhere in", "throughout", "across"). */
const CONNECTOR = /\s*(?:(?:everywhere|all\s+over)\s+)?(?:in|on|of|for|at|throughout|across)\s+/iy;
/** What a page named after "for" shows: its noun, a title in capitals, or an id or link. */
const FOR_PAGE = new RegExp(`${PAGE_LIKE.source}|\\s(?:page\\s+)?\\d{3,}|https?:`);
/** A colon, or "with" (a whole word: "… with: withdrawn" keeps its text whole) before it. */
const COLON = /\s*(?:with\b\s*)?:?\s*/y;

export function failure(message: string, suggestions: readonly string[] = EDIT_SUGGESTIONS): Intent {
  return { kind: 'failure', message, suggestions: [...suggestions] };
}

/**
 * "inside", "within", "under the" before a page's words (never a title's own first word in the corpus of
 * titles); "under" only in lower case, so a title such as "Under the Radar" keeps its first word.
 */
const INSIDE_FIRST = /^(?:[Ii]nside|[Ww]ithin|INSIDE|WITHIN|under(?=\s+(?:the|our)\s))\s+(?=\S)/;

/** ", at the bottom", "at the very end" after a page's words: where an append goes anyway. */
const AT_THE_END = /(?<=\S),?\s+(?:right\s+)?at\s+the\s+(?:very\s+)?(?:bottom|end)$/i;

/**
 * A line asked for in words after a break inside text read as added ("the new office - could you add a line
 * saying …", "holidays, can u add a line that says …"): the asking words, an append's verb, the line named,
 * then "saying" or a colon. Global, so the last one is found (each match bounded).
 */
const ASKED_LINE = new RegExp(
  String.raw`(?:[,;.!?]|\s[-–—]+)\s*(?:(?:so\s+|and\s+)?(?:please|pls|plz|kindly)\s+|(?:so\s+|and\s+)?(?:can|could|would|will|cn|cud|wud)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?)?(?:add|append|put|write|insert|include|pop|stick|drop)\s+(?:in\s+)?${ADDED_LINE}\s*(?:saying|stating|reading|(?:that|which)\s+says|:)\s*:?\s+(?=\S)`,
  'gi',
);

/** The text of the last line asked for in words inside `markdown` ({@link ASKED_LINE}), or `undefined`. */
function lastAskedLine(markdown: string): string | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of markdown.matchAll(ASKED_LINE)) last = match;
  const text = last ? markdown.slice(last.index + last[0].length).replace(/[\s?!.]+$/, '') : '';
  return text.length > 0 ? text : undefined;
}

/** "one more line:", "another note:", "a new bullet:" at the start of added text: what it is, then it. */
const ADDED_LABEL =
  /^(?:(?:one\s+)?more|another|an?\s+(?:new|extra|further))\s+(?:line|note|sentence|point|bullet|paragraph|item|entry)\s*:\s*(?=\S)/i;

/**
 * A place at the start of a page, read where a page's name goes ("add to the first part: Sam", "… to the top
 * of the rota: …"): text goes at the end or under a named heading, so the bot asks instead of guessing.
 */
const PLACE_AT_START =
  /^(?:the\s+)?(?:very\s+)?(?:(?:first|opening|top)\s+(?:part|section|bit|paragraph|heading|line)|(?:top|beginning|start)(?=\s+of\s))(?:\s+of\s+\S[^\n]{0,200})?$/i;

/**
 * A title in capitals (small words between its words, a page noun after it), then text in lower case with
 * no separator ("Team Rituals retro is biweekly"): where the capitals stop, the text starts. Bounded runs.
 */
const TITLE_THEN_LOWER_TEXT =
  /^((?:the\s+)?[A-Z0-9][\w&'’-]*(?:\s+(?:(?:of|and|&|for|the|to|at|a|an)\s+)?[A-Z0-9][\w&'’-]*){0,6}(?:\s+(?:page|doc))?)\s+(?!(?:page|doc|document|runbook|policy|guide|rota|checklist|notes|handbook|playbook|process|procedure|faq|list|wiki)\b)(?=[a-z][a-z'’-]*\s+\S)/;
/** A page noun right after a quoted title ("add to "Team Rituals" page: …"). */
const PAGE_NOUN_AFTER_TITLE = /\s+(?:page|doc|document)(?=\s*[:,;–—-]|\s+(?:saying|that|with)\b)/iy;

/** "X title is confusing", "X's name sounds odd": a page, then its title judged (bounded runs). */
const TITLE_JUDGED =
  /^(\S[^\n]{0,200}?)(?:['’]s)?\s+(?:page\s+)?(?:title|name)\s+(?:is|was|looks|sounds|seems|feels)\b[^\n]{0,120}$/i;

/** Words that point back and go on ("it to 9", "that to Friday"): never a page's name. */
const POINTED_NAME = /^(?:it|that|this|them)\s+(?:to|into|as|with)\b/i;

export function update(ref: PageRef | TitleSearchRef, edit: UpdateEdit): Intent {
  // "X mentions 9:30, can you change it to 9:45": a colon inside a time is no page name's end.
  // "update that line to say 10am in X": "that line" points at text, it names no page.
  if (ref.kind === 'title-search' && (POINTED_NAME.test(ref.words) || isPointingFind(ref.words, 'any')))
    return failure(
      'Which page, and what should change? Put the old and new text in quotes: replace "old" with "new" in <page>.',
    );
  if (
    ref.kind === 'title-search' &&
    (edit.kind === 'append' || edit.kind === 'body') &&
    PLACE_AT_START.test(ref.words)
  )
    return failure(
      'I can add text at the end of a page or under a heading it has. Which heading should it go under? ' +
        'Write: add under "Heading" in <page>: <text>.',
    );
  // "add X under the Parking heading of the Office Guide": the part named with the page is a section.
  const part =
    ref.kind === 'title-search' && (edit.kind === 'append' || edit.kind === 'body')
      ? sectionInPageName(ref.words)
      : undefined;
  if (part && ref.kind === 'title-search' && (edit.kind === 'append' || edit.kind === 'body'))
    return update(
      // "the Bike Racks page under Lockers": the page's own words, without its page noun.
      { ...ref, words: readPageName(part.page)?.words ?? part.page },
      { kind: 'section', heading: part.heading, markdown: edit.markdown },
    );
  // "under the FAQ heading on X": the part noun said with the heading is no part of it.
  if (edit.kind === 'section') {
    const heading = edit.heading
      .replace(/^the\s+/i, '')
      // "the 'Day 1' section": single quotes around a heading are no part of it.
      .replace(/^['‘](.+)['’]$/, '$1')
      .replace(/\s+(?:section|heading|header|subheading|subsection|part|bit|chapter)$/i, '')
      // "section Code Review, add: …": the verb after the heading says what to do, it is no part of it.
      .replace(/,?\s+(?:add|append|put|write|insert|include)$/i, '');
    if (heading.length > 0 && heading !== edit.heading) return update(ref, { ...edit, heading });
  }
  // "the X title is confusing, could you rename it to …": what is said of the title is no part of the page's name.
  const judged = ref.kind === 'title-search' && edit.kind === 'title' ? TITLE_JUDGED.exec(ref.words) : null;
  if (judged && ref.kind === 'title-search') return update({ ...ref, words: judged[1]! }, edit);
  // "under "Equipment" add "monitors …"? would save me DMs": the quoted text, not the remark after it.
  const remarked =
    edit.kind === 'section' || (edit.kind === 'append' && !TYPED_APPENDS.has(edit))
      ? quotedBeforeRemark(edit.markdown)
      : undefined;
  if (remarked !== undefined && (edit.kind === 'section' || edit.kind === 'append'))
    return update(ref, { ...edit, markdown: remarked });
  // "update Performance Reviews People & HR", "to Team Rituals in Engineering": the space said after the page's name.
  const placed = ref.kind === 'title-search' && !ref.spaceKey ? spaceAfterPageName(ref.words) : undefined;
  if (placed && ref.kind === 'title-search') return update({ ...ref, words: placed }, edit);
  // "below the last line of the Reading List", "there's a typo in X", "the X page about the offsite": only the page's words.
  const own = ref.kind === 'title-search' ? pageWordsOfEdit(ref.words, edit.kind === 'append') : undefined;
  const ownName = own ? readPageName(own) : undefined;
  if (ownName && ref.kind === 'title-search') return update({ ...ref, words: ownName.words }, edit);
  // "inside the onboarding page put: …": the place word said before the page is no part of its name.
  if (ref.kind === 'title-search' && INSIDE_FIRST.test(ref.words)) {
    const inner = readPageName(ref.words.replace(INSIDE_FIRST, ''));
    if (inner) return update({ ...ref, words: inner.words }, edit);
  }
  // "add to the X, at the bottom: …": where an append goes is no part of the page's name.
  if (ref.kind === 'title-search' && edit.kind === 'append' && AT_THE_END.test(ref.words))
    return update({ ...ref, words: ref.words.replace(AT_THE_END, '') }, edit);
  // "in X add one more line: …", "… another note: …": the added thing named before its colon is no text.
  const label = edit.kind === 'append' && !TYPED_APPENDS.has(edit) ? ADDED_LABEL.exec(edit.markdown) : null;
  if (label && edit.kind === 'append')
    return update(ref, { kind: 'append', markdown: edit.markdown.slice(label[0].length) });
  // "… to mention the new office - could you add a line saying …": the last line asked for in words is the text.
  const asked = edit.kind === 'append' && !TYPED_APPENDS.has(edit) ? lastAskedLine(edit.markdown) : undefined;
  if (asked !== undefined) return update(ref, { kind: 'append', markdown: asked });
  // "put 45 EUR instead of 40 EUR in X", "update X: Friday should be Thursday": a replace said in words.
  const stated =
    edit.kind === 'append' && !TYPED_APPENDS.has(edit) ? statedReplace(edit.markdown) : undefined;
  if (stated) return update(ref, stated);
  // "in X, change it to 45 EUR instead of 40 EUR": the new text states the old one the pronoun points at.
  const pointedStated =
    edit.kind === 'replace' && /^(?:it|that|this)$/i.test(edit.find.trim())
      ? statedReplace(edit.replaceWith)
      : undefined;
  if (pointedStated) return update(ref, pointedStated);
  // "change this to 45 EUR in X": old text that only points at something is never searched and replaced.
  if (edit.kind === 'replace' && isPointingFind(edit.find))
    return failure(
      'Which words on the page should change? The old text only points at them ("this", "it", "that line"), so I ' +
        'will not replace it. Give the exact words: replace "old words" with "new words" in <page>.',
    );
  // "replace the word Friday with Thursday in X" read page first: the noun is not part of the old text.
  // "replace every 80% with 85%": "every" says where, it is not text on the page.
  if (edit.kind === 'replace' && /^(?:every|each)\s+\S/i.test(edit.find))
    return update(ref, { ...edit, find: edit.find.replace(/^(?:every|each)\s+/i, '') });
  if (edit.kind === 'replace' && UNQUOTED_NOUN.test(edit.find) && edit.find.length > 0) {
    const find = edit.find.replace(UNQUOTED_NOUN, '');
    if (find !== edit.find) return update(ref, { ...edit, find });
  }
  return ref.kind === 'title-search'
    ? { kind: 'page-by-name', request: { operation: 'update', ref, edit } }
    : { kind: 'operation', request: { operation: 'update', ref, edit } };
}

/**
 * Where a page named by title words ends: at the edit on the same line (`edit`), at `:` or "saying"
 * (`content`), at the first " to " (`to`), or at the end of the line (`end`).
 */
type NameStop = 'edit' | 'content' | 'to' | 'end';

/**
 * After "the X page that": a verb ("that lists …", "that Sam wrote") makes a relative clause naming
 * the page, not what it should say.
 */
const NOT_A_RELATIVE_CLAUSE = String.raw`(?!(?:\S+s|is|was|were|are|has|had|have|we|you|i|they|he|she|someone|somebody|[A-Z]\S*\s+(?:wrote|made|created|started|shared|sent|posted|owns))\b)`;
/** "that …", "saying …" right after the page: the rest is added. */
const SAID_AFTER = /^\s*(?:that|saying|stating)\s*:?\s+(?=\S)/i;

/** "… page title", "…'s name" at the end of a page named for a rename. */
const TITLE_WORD_AT_END = /(?<=\S)(?:['’]s)?\s+(?:page\s+)?(?:title|name)$/i;

/** "by adding …", "by appending: …": the edit as a gerund after "by". */
const BY_ADDING = /^\s*by\s+(add|append|writ|putt|includ)ing\b\s*/i;
const GERUND_STEMS: Readonly<Record<string, string>> = {
  add: 'add',
  append: 'append',
  writ: 'write',
  putt: 'put',
  includ: 'include',
};

/** "the following", "these lines", "the text below", "the line:": what is added, named before it is given. */
const FOLLOWING_TEXT = String.raw`(?:(?:the\s+)?(?:following|below|these|this)(?:\s+(?:lines?|text|points|bullets|notes?|info|information|changes?|details|content))?(?:\s+below)?|(?:the|a|one)\s+(?:new\s+)?(?:line|note|sentence|bullet|text)(?=\s*:))`;

/**
 * Where the edit starts after a page named by title words: a keyword edit (`append:`, `replace
 * "…"`), a colon, an edit verb after punctuation, a dash or "and"/"then" ("update X - add …",
 * "update X? add that …", "update X and add …"), or "with "…"" / "to say …".
 */
const EDIT_START = new RegExp(
  [
    String.raw`\s(?:replace|section)\s+["“‘'«„]`,
    // "update X, section Desks: …": an unquoted heading before the colon.
    String.raw`,\s*(?=section\s+[^:"“\n]{1,60}:)`,
    String.raw`\s(?:append|add|body|content|title|rename(?:\s+to)?)\s*:`,
    // A colon, not the one inside a time ("standup to 10:00 on Mondays") or a link ("https://…").
    String.raw`:(?!\d|\/\/)`,
    String.raw`\s*(?:->|→|=>)\s*`,
    String.raw`(?:[,?.!;]|\s[-–—])\s*(?:(?:and|then)\s+)?${ASKING_BEFORE_EDIT}?(?=${EDIT_VERB})`,
    String.raw`,?\s(?:and|then)\s+${ASKING_BEFORE_EDIT}?(?=${EDIT_VERB})`,
    String.raw`\s(?=${WITH}\s+["“‘'«„])`,
    String.raw`\s(?=${WITH}\s*:)`,
    // "update the X page with the new standup time: 9:45": what the text is, described, then given.
    String.raw`\s(?=with\s+(?:the\s+|our\s+)?(?:new|latest|updated|correct|right|current)\s+[^:\n"“]{1,60}:)`,
    // "update X with the following" (the text on the next lines), "… w/ these lines:".
    String.raw`\s(?=${WITH}\s+${FOLLOWING_TEXT}\s*(?::|$))`,
    // "update the X by adding: …".
    String.raw`\s(?=by\s+(?:adding|appending|writing|putting|including)\b)`,
    // "update the X as follows: …", "… as below:".
    String.raw`\s(?=as\s+(?:follows|below)\s*(?::|$))`,
    String.raw`\s(?=to\s+(?:also\s+)?(?:say|read|mention|include|state)\b)`,
    // "update the X to add: …", "edit X to change "a" to "b"": the edit's verb after "to".
    String.raw`\s(?=to\s+(?:add|append|put|write|insert|change|replace|swap|correct|fix|rename)\b)`,
    // "update the X with a note that …", "… with a line saying …": what is added, named, then its text.
    String.raw`\s(?=with\s+${ADDED_LINE}\s+(?:saying|stating|reading|(?:that|which)\s+says|that)\b)`,
    String.raw`\s(?=so\s+(?:that\s+)?it\s+(?:says|reads|mentions)\b)`,
    // "update the X page that from 1 January …", "update the rota saying …": what the page should now say.
    String.raw`\s(?=(?:saying|stating)\s+\S)`,
    String.raw`(?<=\s(?:page|doc|document|rota|policy|guide|calendar|checklist|runbook|handbook|process|schedule|notes))\s(?=that\s+${NOT_A_RELATIVE_CLAUSE}\S)`,
  ].join('|'),
  'i',
);
/**
 * What is added, named after the page: "the line: …", "the sentence "…"", "one more line: …", or
 * unquoted after "the" ("add in the page X the line meet at 10"; "the Note page" stays a title). Bare
 * "notes" ends many titles ("the release notes: …"), so it counts only after an article.
 */
const ADDED_NOUN = String.raw`(?:(?:(?:the|this|these|below)\s+)?(?:following\s+)?(?:line|lines|note|text|sentence|info|information|details|points?|bullets?)(?=\s*:|\s+["“‘'«„])|(?:the|these|below)\s+(?:following\s+)?notes(?=\s*:|\s+["“‘'«„])|(?:one\s+more|another|an?\s+(?:new|extra|further))\s+(?:line|note|sentence|point|bullet|paragraph|item|entry)(?:\s+(?:please|pls|plz))?(?=\s*:|\s+["“‘'«„])|(?:this|these|the\s+following|following|below)(?=\s*:)|the\s+(?:line|sentence)(?=\s+(?!(?:page|doc|document|of|in|on|to)\b)\S)|${ADDED_LINE}\s+(?:saying|stating|(?:that|which)\s+says)(?=\s))`;
/** "append to the release checklist "check the flags"": the quoted text last on the line, after the page. */
const QUOTED_AT_END = String.raw`["“][^"”\n]{1,300}["”][\s?!.]*$`;

/**
 * The text named after the page: "…, the text is:", "… with:", "… content:", "… to say:"; after the page
 * "say" stands for "that" in Nigerian English ("add to the rota say Tunde covers Sunday").
 */
const TEXT_MARKER = String.raw`[,;]?\s*(?:${WITH}|${TEXT_NAMED}|to(?:\s+(?:say|read))?)\s*:`;
/**
 * "(pop a line on page 12) for me: …", "… for us please - …": whom the edit is for, said between the page and
 * the colon or spaced dash before the text; no part of the page's name or of the text.
 */
const FOR_ME_BEFORE_TEXT = String.raw`\s+for\s+(?:me|us)(?:,?\s+(?:please|pls|plz))?(?=\s*(?::(?!\/\/|\d)|[-–—]\s))`;
/** "… to the X. It should say …", "…, the line should read …": the text named in a clause of its own after the page. */
const IT_SHOULD_SAY = String.raw`[.!?;,]?\s+(?:it|this|that|the\s+(?:line|text|note|sentence|bullet))\s+(?:should|must|needs\s+to|has\s+to)\s+(?:just\s+)?(?:say|read)(?:\s+that)?(?=[\s:])`;
const CONTENT_START = new RegExp(
  String.raw`${FOR_ME_BEFORE_TEXT}|${IT_SHOULD_SAY}|${TEXT_MARKER}|:|\s(?:saying|that\s+says|which\s+says|stating|${WITH}\s+(?:the\s+)?text|that|say)(?![\w/])|\s${ADDED_NOUN}|\s(?=${QUOTED_AT_END})`,
  'i',
);
/**
 * "(add a bit to the X page) about parking", "… regarding holidays?": only what the text should be about, said
 * after the page with no colon, quote or "saying" (group 1 the preposition, group 2 the topic).
 */
const TOPIC_ONLY =
  /^\s+(about|regarding|concerning|re|on\s+the\s+(?:topic|subject)\s+of)\s+([^:"“”\n]{1,80}?)[\s?!.]*$/i;
/**
 * "add a bit to the onboarding page about parking": only what the text should be about, said where the text
 * goes, so the bot asks for the text instead of adding the topic; `undefined` when `afterPage` gives text.
 */
function topicAsked(afterPage: string): Intent | undefined {
  const topic = TOPIC_ONLY.exec(afterPage);
  return topic ? askForTextOn(topic[1]!, topic[2]!) : undefined;
}

/**
 * Failures that ask for the text of an append whose page was read: a reader that drops failures it took for
 * "no page here" keeps these.
 */
export const TEXT_ASKED_FOR = new WeakSet<Intent>();

/** The failure asking for the text of an append named only by its topic ("about parking"). */
export function askForTextOn(preposition: string, topic: string): Intent {
  const asked = failure(
    `What should I add ${preposition.toLowerCase()} ${topic}? Give the text after a colon: add to <page>: <text>.`,
  );
  TEXT_ASKED_FOR.add(asked);
  return asked;
}
/** "add to the on-call rota - Sam covers Monday": with no colon or "saying", a dash starts the text. */
const DASH_BEFORE_TEXT = /\s[-–—]\s+(?=\S)/;
/** "add to remote work policy please, abroad needs approval": with no other separator, a comma before words. */
const COMMA_BEFORE_TEXT = /,\s+(?=\S+\s+\S)/;
/** "add to the wifi and printers page the printer on 2 is broken": with no separator, the page noun ends the name. */
const PAGE_NOUN_BEFORE_TEXT =
  /(?<=\S\s(?:page|doc))(?<!(?:^|\s)(?:the|a|this|that|our)\s(?:page|doc))\s+(?=\S+\s+\S)/i;
const SAYING = new RegExp(
  String.raw`(?:${FOR_ME_BEFORE_TEXT})?\s*(?:${IT_SHOULD_SAY}|${TEXT_MARKER}|:|[-–—](?=\s)|,(?=\s)|saying|that\s+says|which\s+says|stating|${WITH}\s+(?:the\s+)?text|that(?=\s)|say(?=\s)|${ADDED_NOUN})\s*:?\s*`,
  'iy',
);

/** A capitalised added noun right after a capitalised word ("the Release Notes: …") is the title's last word. */
const TITLE_NOUN = /^\s[A-Z]/;
const CAPITALISED_BEFORE = /(?:^|\s)[A-Z][\w'-]*$/;

/** Where the text starts after a page's name, passing over at most two title words read as added nouns. */
function contentStart(rest: string): number | undefined {
  let offset = 0;
  for (let tries = 0; tries < 3; tries += 1) {
    const match = CONTENT_START.exec(rest.slice(offset));
    if (!match) return undefined;
    const at = offset + match.index;
    if (!TITLE_NOUN.test(match[0]) || !CAPITALISED_BEFORE.test(rest.slice(Math.max(0, at - 80), at)))
      return at;
    offset = at + 1;
  }
  return undefined;
}

function nameEnd(text: string, from: number, stop: NameStop): number {
  const rest = text.slice(from);
  const found =
    stop === 'edit'
      ? EDIT_START.exec(rest)?.index
      : stop === 'content'
        ? (contentStart(rest) ??
          DASH_BEFORE_TEXT.exec(rest)?.index ??
          COMMA_BEFORE_TEXT.exec(rest)?.index ??
          PAGE_NOUN_BEFORE_TEXT.exec(rest)?.index)
        : stop === 'to'
          ? TO_WORD.exec(rest)?.index
          : undefined;
  return from + (found ?? rest.length);
}

export function readTarget(cursor: TextCursor, stop: NameStop = 'end'): PageRef | TitleSearchRef | string {
  const start = cursor.pos;
  const read = readPageRef(cursor);
  if (read?.kind === 'error') return quotedTitleAlone(cursor, start) ?? read.message;
  if (read !== undefined) return read.ref;
  const end = nameEnd(cursor.text, cursor.pos, stop);
  const named = readPageName(cursor.text.slice(cursor.pos, end));
  if (named === undefined)
    return 'Which page? Give its title ("the VPN Setup Guide"), a page id, or a page link.';
  cursor.pos = end;
  return named;
}

/** "page "Team Rituals"": the page noun before a quoted title. */
const PAGE_NOUN_BEFORE_QUOTE = /(?:the\s+)?(?:page|doc|document)\s+(?=["“‘'«„])/iy;

/**
 * A quoted title with no space after it ("rename \"Old Runbook\" to …"): found by a title search,
 * as a get of "\"X\"" is. `undefined` (cursor back at `start`) when the quote is not a usable title.
 */
function quotedTitleAlone(cursor: TextCursor, start: number): TitleSearchRef | undefined {
  cursor.pos = start;
  cursor.skipSpaces();
  cursor.take(PAGE_NOUN_BEFORE_QUOTE);
  const quoted = readQuoted(cursor.text, cursor.pos, MAX_TITLE_LENGTH * 2);
  const words = quoted?.kind === 'quoted' ? quoted.value.trim() : '';
  if (quoted?.kind !== 'quoted' || checkTitle(words) !== undefined) {
    cursor.pos = start;
    return undefined;
  }
  cursor.pos = quoted.end;
  return { kind: 'title-search', words };
}

/** "update the rota with: …": "with" before the colon only introduces the text. */
const WITH_COLON = new RegExp(
  String.raw`^\s*(?:with\s+(?:the\s+|our\s+)?(?:new|latest|updated|correct|right|current)\s+[^:\n"“]{1,60}(?=:)|${WITH}(?:\s*(?=:)|\s+${FOLLOWING_TEXT}\s*(?::\s*$|(?=:)|$))|as\s+(?:follows|below)\s*(?::\s*$|(?=:)|$))`,
  'i',
);

/**
 * The edit after the page: on the same line (after a colon, dash or linking word) or on the next
 * lines. Text after a colon that is no edit form ("update the rota: Jane is away") is added to
 * the page, the way "append:" would.
 */
function editAfterRef(headRest: string, bodyLines: string): UpdateEdit | string {
  const said = SAID_AFTER.exec(headRest);
  if (said)
    return markdownEdit(
      'append',
      joinMarkdown(headRest.slice(said[0].length).trim(), bodyLines || undefined),
    );
  const rest = headRest
    .replace(WITH_COLON, ':')
    .replace(BY_ADDING, (_all, stem: string) => `${GERUND_STEMS[stem.toLowerCase()] ?? stem} `);
  const inline = rest.replace(/^[\s,?.!;:\-–—>→=]*/, '');
  if (inline.length > 0) {
    const text = bodyLines.length > 0 ? `${inline}\n${bodyLines}` : inline;
    const edit = parseEditText(text);
    const afterColon =
      /^\s*:/.test(rest) && !/^\s*:\s*(?:append|add|body|content|title|rename|section|replace)\b/i.test(rest);
    return typeof edit === 'string' && afterColon ? parseEditText(`append: ${text}`, true) : edit;
  }
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  if (lines.trim().length === 0) {
    return `What should change? On the next line write one of: ${UPDATE_EDIT_FORMS.join(' · ')}`;
  }
  const edit = parseEditText(lines);
  // "update the rota:" then the text on the next lines: added, as after "append:".
  return typeof edit === 'string' && /^\s*:\s*$/.test(rest) ? parseEditText(`append: ${lines}`, true) : edit;
}

export function finish(ref: PageRef | TitleSearchRef | string, edit: () => UpdateEdit | string): Intent {
  if (typeof ref === 'string') return failure(ref);
  const result = edit();
  return typeof result === 'string' ? failure(result) : update(ref, result);
}

/** Most characters of an unquoted old or new text ("replace 09:45 with 10:00 in …"). */
const MAX_UNQUOTED_TEXT = 200;
/** The link to the page after unquoted texts: "in", "on", "of", with "everywhere" or "all over" before it, or "throughout". */
const WHERE_ON_PAGE = String.raw`\s+(?:(?:(?:everywhere|all\s+over)\s+)?(?:in|on|of)|throughout|across)\s+(?=\S)`;
const UNQUOTED_REPLACE = new RegExp(
  String.raw`^([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:with|by)\s+([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)${WHERE_ON_PAGE}`,
  'i',
);
const UNQUOTED_CHANGE = new RegExp(
  String.raw`^([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:to|into|with|for)\s+([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)${WHERE_ON_PAGE}`,
  'i',
);

/** Words after "on"/"in" that say when ("Mondays", "the weekend", "week 12"), never a page's name. */
const WHEN_NOT_PAGE = new RegExp(
  String.raw`^(?:the\s+|this\s+|next\s+)?(?:${WEEKDAY}s?|weekends?|week\s+\d|weekdays|holidays)\b`,
  'i',
);

/** A pronoun for a person, never old or new text. */
const PERSON_ONLY = /^(?:me|us|you|u|him|her|them|myself|ourselves|someone|somebody|anyone)$/i;

/**
 * "replace 09:45 with 10:00 in Team Rituals", "change 09:45 to 10:00 on the X page": old and new
 * text without quotes, each a short run of words, then the page. `undefined` when it does not read
 * that way (the quoted forms then explain what is missing).
 */
function unquotedReplace(text: string, mode: 'replace' | 'change'): Intent | undefined {
  const match = (mode === 'change' ? UNQUOTED_CHANGE : UNQUOTED_REPLACE).exec(text);
  if (!match && mode === 'replace') return pageBetweenTexts(text);
  // "change standup to 10:00 on Mondays": a day after "on" says when, it names no page.
  if (!match || WHEN_NOT_PAGE.test(text.slice(match[0].length))) return undefined;
  const cursor = new TextCursor(text);
  cursor.pos = match[0].length;
  const ref = readTarget(cursor);
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  // "change (the limit) from 40 to 45 in X": what changes, named before "from", is no part of the old text.
  const named = match[1]!.trim().replace(UNQUOTED_NOUN, '').replace(NAMED_BEFORE_FROM, '');
  // "change the limit 40 EUR to 50 EUR in X": what changes, named before its figure, is no part of the old text.
  const find = hasFigure(named) && hasFigure(match[2]!) ? oldLikeNew(named, match[2]!.trim()) : named;
  // "swap shifts with me on Friday": a person swapped with, not text on a page.
  if (PERSON_ONLY.test(find) || PERSON_ONLY.test(match[2]!.trim())) return undefined;
  return update(ref, { kind: 'replace', find, replaceWith: match[2]!.trim() });
}

/** "replace Okta Verify in the VPN guide with YubiKey": the old text, the page, then the new text. Bounded runs. */
const PAGE_BETWEEN_TEXTS =
  /^([^"“‘«„\n]{1,120}?)\s+(?:in|on)\s+([^"“‘«„\n]{1,150}?)\s+(?:with|by)\s+([^"“‘«„\n]{1,120}?)[\s.!]*$/i;
/** Most words of either text in a {@link PAGE_BETWEEN_TEXTS} replace: values, not sentences. */
const MAX_BETWEEN_WORDS = 4;

/** The replace of {@link PAGE_BETWEEN_TEXTS} when the middle reads as a page to its end, else `undefined`. */
function pageBetweenTexts(text: string): Intent | undefined {
  const match = PAGE_BETWEEN_TEXTS.exec(text);
  if (!match) return undefined;
  const [find, page, replaceWith] = [match[1]!.trim(), match[2]!, match[3]!.trim()];
  const short = (part: string) => part.split(/\s+/).length <= MAX_BETWEEN_WORDS && !PERSON_ONLY.test(part);
  // "replace the laptop in the office with a new one": only a page by its noun or its capitals is a page here.
  if (!short(find) || !short(replaceWith) || WHEN_NOT_PAGE.test(page) || !PAGE_LIKE.test(` ${page}`))
    return undefined;
  const cursor = new TextCursor(page);
  const ref = readTarget(cursor);
  return typeof ref === 'string' || !cursor.atEnd()
    ? undefined
    : update(ref, { kind: 'replace', find, replaceWith });
}

/**
 * "(add a line to) the Runbook: Database Failover saying …": a title with a colon in it, the words on both
 * sides of the colon in capitals, then "saying"; that colon is the title's, not the start of the text.
 * Bounded runs, one pass.
 */
const TITLE_COLON_THEN_SAYING =
  /^((?:[^:\n]{0,80}\s)?[A-Z][\w&'-]*:\s+[A-Z0-9][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*){0,5}(?:\s+(?:page|doc))?)\s+(?:saying|that\s+says|which\s+says|stating)\s*:?\s+(?=\S)/;
/** The same title ended by its page noun, then the colon before the text ("… the Runbook: Database Failover page: …"). */
const TITLE_COLON_PAGE_THEN_COLON =
  /^((?:[^:\n]{0,80}\s)?[A-Z][\w&'-]*:\s+[A-Z0-9][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*){0,5}\s+(?:page|doc))\s*:\s*(?=\S)/;

/** The append of a {@link TITLE_COLON_THEN_SAYING} match: the page before "saying", the text after it. */
function appendAfterColonTitle(titled: RegExpExecArray, text: string, bodyLines: string): Intent {
  const ref = readTarget(new TextCursor(titled[1]!));
  const said = text.slice(titled[0].length);
  return finish(ref, () => markdownEdit('append', joinMarkdown(said, bodyLines || undefined)));
}

/**
 * Builds an update from the words after the verb (`mode` says how it was phrased: `update 123`,
 * `append to "Runbook" in OPS: …`, `add "text" to 123`, `rename 123 to "X"`, `replace "a" with "b" in 123`, `set the
 * body of 123 to: …`, `update section "H" of 123: …`) and the message's following lines. Markdown is
 * kept exactly as typed on the following lines. Fails with the accepted edit forms when unclear.
 */
export function parseUpdate(mode: UpdateMode, remainder: string, bodyLines: string): Intent {
  const text = remainder.trim();
  const cursor = new TextCursor(text);
  switch (mode) {
    case 'update': {
      // "update the Runbook: Kafka Consumer Lag with: check the dashboard": the first colon is the title's.
      const twoColons = titleBeforeSecondColon(cursor.text);
      if (twoColons)
        return finish(readTarget(new TextCursor(twoColons.page)), () =>
          editAfterRef(`: ${cursor.text.slice(twoColons.textStart)}`, bodyLines),
        );
      // "update Runbook: Elevated 5xx at the Gateway\nappend: …": with the edit on the next lines, a colon
      // title that runs to the end of the line is the page.
      const colon = bodyLines.trim().length > 0 ? text.indexOf(':') : -1;
      const titled = colon >= 0 ? colonTitleEnd(text, colon) : undefined;
      if (titled !== undefined && /^[\s.!]*$/.test(text.slice(titled)))
        return finish(readTarget(new TextCursor(text.slice(0, titled))), () => editAfterRef('', bodyLines));
      const ref = readTarget(cursor, 'edit');
      return finish(ref, () => editAfterRef(cursor.rest(), bodyLines));
    }
    case 'append-to':
    case 'set-body': {
      const titled =
        mode === 'append-to'
          ? (TITLE_COLON_THEN_SAYING.exec(cursor.text) ?? TITLE_COLON_PAGE_THEN_COLON.exec(cursor.text))
          : null;
      if (titled) return appendAfterColonTitle(titled, cursor.text, bodyLines);
      // "append to Runbook: Kafka Consumer Lag: restart it last": the first colon is the title's.
      // "… Customer Meeting Notes: Contoso that they want SSO": the colon is the title's, "that" starts the text.
      const twoColons =
        mode === 'append-to'
          ? (titleBeforeSecondColon(cursor.text) ?? titleBeforeThat(cursor.text))
          : undefined;
      if (twoColons) {
        const said = cursor.text.slice(twoColons.textStart);
        return finish(readTarget(new TextCursor(twoColons.page)), () =>
          markdownEdit('append', joinMarkdown(said, bodyLines || undefined)),
        );
      }
      // "add to Team Rituals retro is biweekly": no colon or "saying", a title in capitals, then the text.
      const capitals = mode === 'append-to' && !bodyLines ? TITLE_THEN_LOWER_TEXT.exec(cursor.text) : null;
      const separated = contentStart(cursor.text) !== undefined || DASH_BEFORE_TEXT.test(cursor.text);
      if (capitals && !separated && !/["“”‘]/.test(cursor.text))
        return (
          topicAsked(` ${cursor.text.slice(capitals[0].length)}`) ??
          finish(readTarget(new TextCursor(capitals[1]!)), () =>
            markdownEdit('append', cursor.text.slice(capitals[0].length).trim()),
          )
        );
      const ref = readTarget(cursor, mode === 'set-body' ? 'to' : 'content');
      // "add to "Team Rituals" page: …": the page noun after a quoted title is no text.
      if (typeof ref !== 'string' && ref.kind === 'title-search') cursor.take(PAGE_NOUN_AFTER_TITLE);
      const topic = mode === 'append-to' && !bodyLines ? topicAsked(cursor.rest()) : undefined;
      if (topic && typeof ref !== 'string') return topic;
      if (mode === 'set-body') cursor.take(TO);
      if (!cursor.take(SAYING)) cursor.take(COLON);
      const kind = mode === 'append-to' ? 'append' : 'body';
      const inline = cursor.rest().trim();
      // "add to page 12 under "Notes": …": the heading the text goes under, read as the section it is.
      const under =
        mode === 'append-to' && /^(?:under|below|beneath)\s/i.test(inline)
          ? parseEditText(`add ${inline}`)
          : undefined;
      if (under !== undefined && typeof under !== 'string' && under.kind === 'section')
        return finish(ref, () =>
          bodyLines ? { ...under, markdown: joinMarkdown(under.markdown, bodyLines) } : under,
        );
      const quoted = bodyLines ? undefined : readQuoted(inline, 0);
      const text = quoted?.kind === 'quoted' && quoted.end === inline.length ? quoted.value : inline;
      return finish(ref, () => markdownEdit(kind, joinMarkdown(text, bodyLines || undefined)));
    }
    case 'rename':
    case 'set-title': {
      const read = readTarget(cursor, 'to');
      // "rename the X page title to Y": the word "title" names what changes, not the page.
      const ref =
        typeof read !== 'string' && read.kind === 'title-search' && TITLE_WORD_AT_END.test(read.words)
          ? { ...read, words: read.words.replace(TITLE_WORD_AT_END, '') }
          : read;
      if (typeof ref !== 'string' && !cursor.take(TO))
        return failure('Say the new title: rename 123456 to "New title".');
      return finish(ref, () => titleEdit(cursor.rest()));
    }
    case 'append-quoted': {
      const quoted = readQuoted(text, 0);
      if (quoted?.kind !== 'quoted')
        return failure('Put the text to add in quotes: add "text" to page 123456.');
      cursor.pos = quoted.end;
      const link = cursor.pos;
      // "add "x" - this is for the Laptop Setup page": the page it is for, said after the text.
      const forPage = cursor.take(ONTO) ? 0 : pageAfterTextAt(cursor.rest());
      if (forPage > 0) cursor.pos += forPage;
      if (forPage < 0) return failure('Say which page: add "text" to page 123456.');
      // "add "x" under Day 2 on the Onboarding page": a heading, then its page (read as a section by `update`).
      const underPart = /^\s*under\s/i.test(text.slice(link, cursor.pos))
        ? sectionInPageName(`under ${cursor.rest()}`)
        : undefined;
      // The article the part's pattern took off goes back, so "the X page" reads without its page noun.
      const article = underPart && cursor.rest().includes(`the ${underPart.page}`) ? 'the ' : '';
      const partRef = underPart ? readTarget(new TextCursor(`${article}${underPart.page}`)) : undefined;
      if (underPart && partRef !== undefined && typeof partRef !== 'string')
        return update(partRef, { kind: 'section', heading: underPart.heading, markdown: quoted.value });
      // "put "Ana covers Monday" on the rota for next week": the time is no part of the page's name.
      const when = splitWhen(cursor.rest());
      const ref = when.when ? readTarget(new TextCursor(when.page)) : readTarget(cursor);
      return finish(ref, () => markdownEdit('append', quoted.value));
    }
    case 'replace':
    case 'change': {
      cursor.take(TEXT_NOUN);
      const unquoted = readQuoted(text, cursor.pos) === undefined ? unquotedReplace(text, mode) : undefined;
      if (unquoted) return unquoted;
      const edit = replaceEdit(text, cursor, mode === 'change' ? 'change' : 'with');
      if (typeof edit === 'string') return failure(edit);
      // "replace "Sam" with "Priya" for week 12": a time after the texts names no page; after "for" only a
      // page's noun, capitals or an id do ("… for flights over 6 hours" says where on the page).
      const link = isWhenAlone(cursor.rest()) ? null : cursor.take(CONNECTOR);
      if (!link || (/^\s*for\s/i.test(link[0]) && !FOR_PAGE.test(` ${cursor.rest()}`)))
        return failure('Say which page: replace "old" with "new" in page 123456.');
      const ref = readTarget(cursor);
      return finish(ref, () => edit);
    }
    case 'sed': {
      // "s/Okta/Entra/ in the VPN Setup Guide": the old and new text first, then the page.
      const edit = readSedEdit(cursor);
      if (!edit) return failure('Write it as: s/old text/new text/ in <page>.');
      if (!cursor.take(CONNECTOR)) return failure('Say which page: s/old text/new text/ in page 123456.');
      return finish(readTarget(cursor), () => edit);
    }
    case 'section': {
      const heading = readQuoted(text, 0);
      if (heading?.kind !== 'quoted')
        return failure('Put the section heading in quotes: update section "Heading" of 123456: <markdown>.');
      cursor.pos = heading.end;
      if (!cursor.take(CONNECTOR))
        return failure('Say which page: update section "Heading" of 123456: <markdown>.');
      // "… to the Runbook: Database Failover page: …": the title's own colon is not the text's.
      const titled =
        TITLE_COLON_THEN_SAYING.exec(cursor.rest()) ?? TITLE_COLON_PAGE_THEN_COLON.exec(cursor.rest());
      const ref = titled ? readTarget(new TextCursor(titled[1]!)) : readTarget(cursor, 'content');
      if (titled) cursor.pos += titled[0].length;
      const quotedHeading = JSON.stringify(heading.value);
      const separator = titled ? ': ' : '';
      return finish(ref, () =>
        sectionEdit(`${quotedHeading}${separator}${cursor.rest()}${bodyLines ? `\n${bodyLines}` : ''}`),
      );
    }
  }
}

/**
 * A page named with "a" or "another" ("put the notes in a new page", "add this to a separate doc"): a page
 * still to be made, never an existing page's name. Bounded: a few describing words at most.
 */
const NEW_PAGE_NAMED =
  /^(?:a|an|another|one\s+more)(?:\s+(?:new|separate|fresh|blank|empty|different|brand[\s-]new|extra|own|proper|dedicated)){0,3}(?:\s+(?:page|doc|document|wiki|article|one))?$/i;

/**
 * The final reading checked once: an edit of "a new page" is a page to create, which needs a title and a
 * space, so the bot asks for them instead of looking for a page called "a new".
 */
export function withoutEditOfNewPage(intent: Intent): Intent {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return intent;
  if (!NEW_PAGE_NAMED.test(intent.request.ref.words.trim())) return intent;
  return failure(
    'That sounds like a new page: what should it be called, and in which space? Put the title in quotes, then `in SPACEKEY`, then the text.',
    CREATE_EXAMPLES,
  );
}
