import { withoutGreetingLead } from './classify-text.js';
import { deferredNewPage } from './deferred-new-page.js';
import { labelledLinesCreate } from './labelled-lines-create.js';
import { dropChatResidue } from './normalize-message.js';
import { indexOutsideQuotes } from './read-quoted.js';
import { acceptSpaceWord } from './space-key.js';
import type { Intent } from './types.js';

/*
 * New pages asked in shapes the create grammar does not read, said again in its own words: a space key
 * labelling the ask ("LEGAL → new page "X": …", "new page ENG: "X" → body: …"), a personal space said
 * as "my space ~key", the text brought by a verb phrase ("…, start it with: …", "… and put in: …", "-
 * just put: …"), a quoted text followed by remarks to the bot ("with just the line 'X'? I'll fill in the
 * rest later"), a space named in words ending the command over the text's lines, and a story told before
 * the ask ("long story short, … Never again! Could you set up a page …"). Pure; every pattern reads a
 * bounded head of the first line. The message said again is only kept when it reads as a whole create.
 */

/** Most characters of the first line looked at. */
const MAX_HEAD = 600;

/** A line that asks for a new page: a making or wishing word, then a page noun a few words on. */
const NEW_PAGE_LINE =
  /\b(?:new|create|creat|craete|cretae|make|mak|mkae|set\s+up|whip\s+up|start|have|love|like|(?:need|want|ask)(?:s|ed)?|get)\b[^\n:]{0,80}?\b(?:page|pgae|pg|doc)\b|\b(?:create|creat|craete|make|set\s+up|whip\s+up)\s+["“‘']/i;

/** Separators after a space key that labels the ask ("LEGAL →", "ENG:", "OPS -", "HR >"). */
const LABEL_SEPARATOR = '(?:→|->|=>|:|[-–—>|])';

/** The words that ask for a new page at the start of a labelled ask ("new page", "create a page", "new doc"). */
const NEW_PAGE_WORDS = String.raw`(?:(?:pls|please|plz)\s+)?(?:(?:create|creat|make|add)\s+(?:an?\s+)?(?:new\s+)?(?:page|pg|pgae|doc)|new\s+(?:page|pg|pgae|doc)|(?:create|creat|make)(?=\s+["“]))`;

/** "LEGAL → new page …", "OPS - new page …", "ENG: new page …": a space key in capitals labelling the ask. */
const KEY_LABEL_FIRST = new RegExp(
  String.raw`^\s*(~?[A-Z][A-Z0-9]{1,9})\s*${LABEL_SEPARATOR}\s*(${NEW_PAGE_WORDS})\s*:?\s+(?=\S)`,
);

/** "new page ENG: "X" …", "new page OPS - X: …": the key in capitals right after the page words. */
const KEY_AFTER_NEW_PAGE = new RegExp(
  String.raw`^\s*(${NEW_PAGE_WORDS})\s+(~?[A-Z][A-Z0-9]{1,9})\s*${LABEL_SEPARATOR}\s*(?=\S)`,
);

/**
 * "… "X" → body: …", "… "X" - text: …", "… X → …": an arrow (or a dash before a text label) between the
 * title and the text stands for the colon. Only in a labelled ask.
 */
const ARROW_TO_TEXT =
  /\s*(?:(?:→|->|=>)\s*(?:(?:body|text|content|contents)\s*:)?|[-–—]\s*(?:body|text|content|contents)\s*:)\s*/i;

/**
 * "need new pg "Deploy Checklist" ENG", "create "X" OPS: …": a space key in capitals right after the quoted
 * title, ending the line or before the colon, is where the page goes ("in" left out).
 */
const KEY_AFTER_QUOTED_TITLE = /(?<=\S["”’'])\s+(~?[A-Z][A-Z0-9]{1,9})(?=\s*(?::|$))/;

/**
 * "new page SALES "X" body: …", "can u create page OPS "X" …": a key in capitals between the page noun and
 * the quoted title, with no separator, is where the page goes (said again as "page in KEY called "X"").
 */
const KEY_BEFORE_QUOTED_TITLE = /\b([Pp]age|[Pp]g|[Pp]gae|[Dd]oc)\s+(~?[A-Z][A-Z0-9]{1,9})\s+(?=["“])/;

/** The line with a key before the quoted title said as a space clause, when the key is accepted. */
function withKeyBeforeQuotedTitle(line: string): string {
  const found = KEY_BEFORE_QUOTED_TITLE.exec(line);
  if (!found || keyAsSpaceClause('', found[2]!) === '') return line;
  return `${line.slice(0, found.index)}${found[1]} in ${found[2]} called ${line.slice(found.index + found[0].length)}`;
}

/** Words typed in capitals after a title that are no space ("ASAP", "TBD"). Kept small, as data. */
const CAPITALS_NOT_A_SPACE: ReadonlySet<string> = new Set(
  'ASAP PLS PLZ TBD TBC FYI ETA EOD EOW URGENT NOW TODAY PLEASE THX TY'.split(' '),
);

/** The key after a quoted title said as a space clause, when it is accepted as a key. */
function keyAsSpaceClause(typed: string, key: string): string {
  const noSpace = CAPITALS_NOT_A_SPACE.has(key) || acceptSpaceWord(key, false) === undefined;
  return noSpace ? typed : ` in ${key}`;
}

/** "in my space ~jdoe", "into my personal space ~pchen": the personal space is the key. */
const MY_SPACE = /\b(in|into|to|inside)\s+my\s+(?:own\s+|personal\s+)?space\s+(?=~[A-Za-z0-9])/i;

/**
 * A verb phrase that brings the page's text, ending with the colon before it ("…, start it with: …",
 * "… and put in: …", "- just put: …", "- can you add it with: …", "and fill it with: …"). Read on the words
 * before the line's first colon only; one anchored, bounded run.
 */
const TEXT_VERB_BEFORE_COLON =
  /(?:\s*[,;.?!]|\s+[-–—])?\s+(?:and\s+|then\s+)?(?:(?:can|could|would|cn|cud|cld|wud)\s+(?:you|u)\s+)?(?:(?:please|pls|plz|kindly)\s+)?(?:(?:just|only|simply)\s+)?(?:(?:start|begin|kick\s+off|seed|fill)\s+it(?:\s+off)?\s+with|put\s+(?:in(?:side)?|in\s+it|there)|put|write\s+in(?:side)?|add\s+(?:it\s+)?with|(?:make|have)\s+it\s+say|(?:the\s+|its\s+)?(?:content|contents|text|body)\s+(?:should|will|would|must|can)\s+be|(?:it|the\s+page)\s+(?:should|must|can)\s+say)\s*$/i;

/**
 * A quoted text brought by a verb phrase, then only remarks to the bot ("- nothing fancy, just start it
 * with "X". It would mean a lot", "with just the line 'X'? I'll fill in the rest later", "with 'X'. It
 * would save us time"): the quoted words are the text, the remarks are no part of it. The aside before
 * the phrase ("nothing fancy,") is a few words before a comma. Bounded runs.
 */
const QUOTED_TEXT_THEN_REMARKS =
  /(?:\s*[,;.]\s*|\s+[-–—]\s+(?:(?:[\p{L}']+\s+){0,3}[\p{L}']+,\s+)?|\s+)(?:and\s+)?(?:(?:can|could|would|cn|cud|cld|wud)\s+(?:you|u)\s+)?(?:(?:please|pls|plz|kindly)\s+)?(?:(?:just|only|simply)\s+)?(?:(?:start|begin|kick\s+off)\s+it(?:\s+off)?\s+with|with\s+(?:just\s+|only\s+)?(?:the\s+|a\s+|one\s+)?(?:single\s+)?(?:line|sentence|text|words?)|put|write|with)\s+["“‘']([^"“”‘’\n]{1,300}?)["”’']([^"“”‘’\n]{0,300})$/u;

/** Remarks after a quoted text: they start with a sentence end (or a question mark), never with more words of it. */
const REMARKS = /^\s*(?:[.!?]|$)/;

/**
 * "… called X in Engineering\n<text>": a space named in words (a department's word, "the Legal space")
 * ending the command, its text on the lines after it, reads with a colon after the space.
 */
const SPACE_WORD_AT_END = /\s(?:in|into|to|inside)\s+(?:the\s+)?([A-Z][a-z]{2,20})(?:\s+space)?[\s.!]*$/;

/** Department words that name a space alone ("in Engineering", "in Legal"). Kept small, as data. */
const SPACE_WORDS: ReadonlySet<string> = new Set(['engineering', 'legal', 'sales', 'operations', 'people']);

/**
 * A sentence that starts the ask for the page after a story ("Never again! Could you set up a page …",
 * "… before the drill. I was hoping you could make …"): a sentence break, then the asking words.
 */
const ASK_AFTER_STORY =
  /[.!?]\s+(?=(?:(?:so|ok|okay|anyway)[,\s]+)?(?:(?:can|could|would|will)\s+(?:you|u|we)|please|pls|kindly|i\s+was\s+hoping|i'?d\s+(?:really\s+)?(?:like|love)|we'?d\s+(?:really\s+)?(?:like|love)|i\s+(?:need|want)|we\s+(?:need|want)|it'?d\s+be|would\s+be|create|make|new\s+page)\b)/gi;
/**
 * "for the audit next week it'd be great to have a page …", "for the offsite, could you make …": why the
 * page is wanted, said first, before the asking words (a few words, no sentence break).
 */
const PURPOSE_LEAD =
  /^\s*for\s+(?:the|our|my|a|an|this|next)\s+[^,.!?:"“\n]{1,50}?[,\s]\s*(?=(?:it'?d\s+be|it\s+would\s+be|would\s+be|i'?d|we'?d|(?:can|could|would|will)\s+(?:you|u|we)|please|pls|kindly|we\s+need|i\s+need)\b)/i;
/** Most story sentences skipped before the ask. */
const MAX_STORY_CUTS = 4;

/** The first line said again with the labelled space, "my space" and the text's verb phrase in the grammar's words. */
function rephrasedLine(line: string, hasBody: boolean): string {
  let text = line.replace(MY_SPACE, '$1 ');
  const first = KEY_LABEL_FIRST.exec(text);
  const after = first ? undefined : KEY_AFTER_NEW_PAGE.exec(text);
  const key = first?.[1] ?? after?.[2];
  const labelled = first ?? after;
  if (labelled && key !== undefined) {
    text = `new page in ${key} called ${withArrowAsColon(text.slice(labelled[0].length))}`;
  } else {
    text = withKeyBeforeQuotedTitle(text);
  }
  const firstColon = indexOutsideQuotes(text, ':');
  const head = firstColon < 0 ? text : text.slice(0, firstColon);
  text = head.replace(KEY_AFTER_QUOTED_TITLE, keyAsSpaceClause) + text.slice(head.length);
  text = withLabelledArrow(text);
  const colon = askColon(text);
  const verb = colon > 0 ? TEXT_VERB_BEFORE_COLON.exec(text.slice(0, colon)) : null;
  if (verb) {
    text = `${text.slice(0, verb.index)}${text.slice(colon)}`;
  } else if (!hasBody) {
    // "with 'Mon: fruit'? that'd be great": a colon inside the quoted text is the text's own.
    const quoted = QUOTED_TEXT_THEN_REMARKS.exec(text);
    if (quoted && REMARKS.test(quoted[2] ?? '') && quoted.index > 0 && (colon < 0 || colon > quoted.index))
      text = `${text.slice(0, quoted.index)}: ${quoted[1]}`;
  } else if (colon < 0) {
    const space = SPACE_WORD_AT_END.exec(text);
    if (space && SPACE_WORDS.has(space[1]!.toLowerCase())) text = `${text.trimEnd()}:`;
  }
  return text;
}

/** Most colons looked at for the one after the ask ("quick context: … make a page X and put in: …"). */
const MAX_COLONS = 4;

/** Where the colon that follows the ask for a page is (the first colon after a page noun), or -1. */
function askColon(text: string): number {
  let from = 0;
  for (let i = 0; i < MAX_COLONS; i += 1) {
    const at = indexOutsideQuotes(text.slice(from), ':');
    if (at < 0) return -1;
    const colon = from + at;
    if (NEW_PAGE_LINE.test(text.slice(0, colon))) return colon;
    from = colon + 1;
  }
  return -1;
}

/** "… in ENG → body: …", "… -> text: …": an arrow before a text label, anywhere in a create's line. */
const LABELLED_ARROW = /\s*(?:→|->|=>)\s*(?:body|text|content|contents)\s*:\s*/i;

/** "new page pls: "X" …": courtesy after the page words, with a colon, before the title. */
const PLEASE_COLON = /\b((?:page|pg|doc)\s+(?:pls|please|plz))\s*:\s*/i;

/**
 * The line with a {@link LABELLED_ARROW} made the colon before the text, when no colon comes before it
 * outside double quotes (after one, the arrow is the text's own).
 */
function withLabelledArrow(line: string): string {
  const text = line.replace(PLEASE_COLON, '$1 ');
  const arrow = LABELLED_ARROW.exec(text);
  if (!arrow) return line;
  const colon = indexOutsideQuotes(text, ':');
  if (colon >= 0 && colon < arrow.index) return line;
  if ((text.slice(0, arrow.index).match(/["“”]/g)?.length ?? 0) % 2 === 1) return line;
  return `${text.slice(0, arrow.index)}: ${text.slice(arrow.index + arrow[0].length)}`;
}

/** A labelled ask's title and text with the arrow between them made a colon ("X" → body: y → "X": y). */
function withArrowAsColon(rest: string): string {
  const arrow = ARROW_TO_TEXT.exec(rest);
  if (!arrow || rest.slice(0, arrow.index).includes(':')) return rest;
  return `${rest.slice(0, arrow.index)}: ${rest.slice(arrow.index + arrow[0].length)}`;
}

/** True when `intent` creates a page (title, space and text all read). */
function isWholeCreate(intent: Intent): boolean {
  return intent.kind === 'operation' && intent.request.operation === 'create';
}

/**
 * The message as `read` reads it, or, when its first line asks for a new page in words the grammar does
 * not read (see the file's comment), read again said in the grammar's words: kept only when that reads
 * as a whole create. After a story, the sentences before the ask are left out (a few at most), and only
 * when the message as typed reads as no create.
 */
export function readRephrasingCreate(text: string, read: (message: string) => Intent): Intent {
  const labelled = labelledLinesCreate(text, read);
  if (labelled) return labelled;
  const typed = read(text);
  const typedIsCreate = isWholeCreate(typed);
  const opened = typedIsCreate ? text : withoutOpening(text);
  return (
    rephrasedCreate(text, read, typedIsCreate) ??
    (opened !== text ? rephrasedCreate(opened, read, false) : undefined) ??
    deferredNewPage(typed, text) ??
    typed
  );
}

/** Most characters of an opening line ("Hello,", "ok so long story short") dropped before the ask. */
const MAX_OPENING_LINE = 60;

/**
 * The message without what opens it before the ask for a page: blank lines, a bullet or emoji, a greeting
 * ("yo …", "hey team - …"), or a short first line that asks for no page ("Hello,\n", "ok so long story
 * short\n"). The message itself when nothing opens it.
 */
function withoutOpening(text: string): string {
  const trimmed = text.trimStart();
  const newline = trimmed.indexOf('\n');
  const first = newline < 0 ? trimmed : trimmed.slice(0, newline);
  if (first.length > MAX_HEAD) return text;
  if (newline >= 0 && newline <= MAX_OPENING_LINE && !NEW_PAGE_LINE.test(first))
    return trimmed.slice(newline + 1).trimStart();
  if (!NEW_PAGE_LINE.test(first)) return text;
  const bare = withoutGreetingLead(dropChatResidue(first));
  return bare === first ? trimmed : bare + trimmed.slice(first.length);
}

/** The message read again in the grammar's words (see {@link readRephrasingCreate}), if a whole create. */
function rephrasedCreate(
  text: string,
  read: (message: string) => Intent,
  typedIsCreate: boolean,
): Intent | undefined {
  const newline = text.indexOf('\n');
  const line = newline < 0 ? text : text.slice(0, newline);
  const body = newline < 0 ? '' : text.slice(newline);
  if (line.length > MAX_HEAD || !NEW_PAGE_LINE.test(line)) return undefined;
  const hasBody = body.trim().length > 0;
  const again = rephrasedLine(line, hasBody);
  if (again !== line) {
    const intent = read(again + body);
    if (isWholeCreate(intent)) return intent;
  }
  if (typedIsCreate) return undefined;
  const lead = PURPOSE_LEAD.exec(line);
  if (lead) {
    const intent = read(rephrasedLine(line.slice(lead[0].length), hasBody) + body);
    if (isWholeCreate(intent)) return intent;
  }
  ASK_AFTER_STORY.lastIndex = 0;
  for (
    let cut = 0, m = ASK_AFTER_STORY.exec(line);
    m && cut < MAX_STORY_CUTS;
    m = ASK_AFTER_STORY.exec(line)
  ) {
    cut += 1;
    const ask = line.slice(m.index + m[0].length);
    if (!NEW_PAGE_LINE.test(ask)) break;
    const intent = read(rephrasedLine(ask, hasBody) + body);
    if (isWholeCreate(intent)) return intent;
  }
  return undefined;
}
