import { withPronounAfterBareRead } from './asked-again.js';
import { isGreeting, isQuestion, stripPoliteness } from './classify-text.js';
import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';
import { applyRules, baseVerbForm, isTellingClause } from './command-rules.js';
import { keepInlineBodyEnd } from './inline-body-end.js';
import { pageNamedWithoutThe, withoutFreshness } from './lead-page-named.js';
import { PAGE_LIKE } from './loose-forms.js';
import { withoutNameEndAdverb } from './name-end-words.js';
import { isAside, isDocumentWord } from './name-residue.js';
import { isTitleAfterPageNoun, isTitleShaped } from './page-name.js';
import { parseFollowUp } from './parse-follow-up.js';
import { readTarget, update } from './parse-update.js';
import { readQuoted } from './read-quoted.js';
import { isComplaint } from './readings.js';
import { decisionOf } from './reported-decision.js';
import { TextCursor } from './text-cursor.js';
import { colonTitleEnd } from './title-with-colon.js';
import type { Intent } from './types.js';
import { fixVerbTypo } from './verb-typos.js';
import { WEEKDAY } from './weekdays.js';

/*
 * A command after a lead-in: context sentences ("The VPN changed last week. Could you add …") or a
 * lead-in clause ("no rush, but could you open …", "bot, search …"). Only a command form counts.
 */

/** The last sentence break of a line ("… works. Can you …"), a full stop, ! or ? and a space. */
const SENTENCE_BREAK = /[.!?]+\s+(?=\S)/g;
/** A sentence end, or a spaced dash ("… mentioned taxis - could you add a line saying …"), then a space. */
const SENTENCE_OR_DASH_BREAK = /(?:[.!?]+|\s[-–—]+)\s+(?=\S)/g;
/** A break after a lead-in clause: a comma, colon, dash or "but", then a space. */
const CLAUSE_BREAK = /(?:[,:;]|\s[-–—]|\sbut)\s+(?=\S)/gi;

/**
 * A command in the last sentence of a line that starts with context ("The VPN changed last week.
 * Could you add a line to the VPN Setup Guide saying …"): the sentences before it are not read.
 * Only a command form counts (a rule or a follow-up), never a guess.
 */
export function lastSentenceCommand(core: string, bodyLines: string): Intent | undefined {
  const sentence =
    commandAfter(core, SENTENCE_BREAK, bodyLines, POINTS_BACK) ??
    nameThenPronoun(core, bodyLines) ??
    commandAfter(core, SENTENCE_BREAK, bodyLines);
  if (sentence?.kind === 'failure') return editOfPageBefore(core, bodyLines) ?? sentence;
  if (sentence) return sentence;
  const before = editOfPageBefore(core, bodyLines);
  if (before) return before;
  // A lead-in clause ("no rush, but could you …", "bot, search …", "one thing - open …"): only a
  // command that reads in full counts here, since commas and dashes also sit inside commands.
  const clause = commandAfter(core, CLAUSE_BREAK, bodyLines, POINTS_BACK);
  if (clause && clause.kind !== 'failure') return clause;
  // "As discussed in the standup, could you create … with: …", "FYI, per the audit, please add to X:
  // …": the command after one of the first clauses, when the last break is inside it.
  let tries = 0;
  for (const match of core.matchAll(CLAUSE_BREAK)) {
    tries += 1;
    if (tries > MAX_CLAUSE_TRIES) break;
    const read = commandAt(core, match.index + match[0].length, bodyLines, POINTS_BACK);
    if (read && read.kind !== 'failure') return read;
  }
  return undefined;
}

/** "search it", "open that for me": a verb and a pronoun, the whole last sentence. */
const VERB_AND_PRONOUN =
  /^(\S+)(\s+(?:me|us))?(?:\s+for)?\s+(?:it|this|that|them)(?:\s+(?:for\s+me|please|pls))?$/i;
/** Words that make a sentence a statement, not a name ("the rota is wrong", "I think …"). */
const STATEMENT =
  /\b(?:is|are|was|were|isn'?t|aren'?t|has|have|had|does|did|seems?|looks?|says?|said|i|we|you|he|she|they|it)\b/i;

/**
 * "kafka lag. search it", "on-call rota pls 🙏 open it": a name, a sentence break, then a verb and a
 * pronoun for it; the verb is read with the name. Only a short name with no verb of its own.
 */
function nameThenPronoun(core: string, bodyLines: string): Intent | undefined {
  const found = lastBreak(core, SENTENCE_BREAK);
  if (!found) return undefined;
  const { at: end, after: start } = found;
  const tag = VERB_AND_PRONOUN.exec(stripPoliteness(core.slice(start)));
  if (!tag) return undefined;
  const name = stripPoliteness(core.slice(0, end));
  if (name.length === 0 || name.split(/\s+/).length > 8 || STATEMENT.test(name)) return undefined;
  return applyRules(baseVerbForm(`${tag[1]}${tag[2] ?? ''} ${name}`), bodyLines);
}

/** "… in it", "… on it", "… there" at the end of an edit: the page is the one named before. */
const PRONOUN_PLACE =
  /\s+(?:(?:in|on|to|into|onto)\s+(?:it|that|this|that\s+page|the\s+page)|there)[\s?!.]*$/i;
/** A replace with nothing after its quoted new text: the page is the one named before. */
const REPLACE_WITHOUT_PAGE =
  /^(?:replace|change|swap|correct|fix)\s+["“][^"”\n]{1,200}["”]\s+(?:with|to|for|by|into|w\/)\s+["“][^"”\n]{1,200}["”]$/i;
/**
 * The page a sentence is about, named first ("(hey,) the office guide has the old password", "I'd love it if
 * the Expense Policy mentioned taxis", "the rota doesn't have Sam").
 */
const PAGE_TALKED_ABOUT =
  /^(?:[^,.!?:]{0,30},\s*|(?:(?:(?:i'?d|i\s+would)\s+(?:love|like)\s+)?it|it\s+would\s+be\s+(?:great|nice|lovely|good|helpful|useful))\s+if\s+)?((?:the|our)\s[^,.!?:"“]{1,80}?)(?:\s+(?:is|are|has|have|had|says|said|shows|lists|still|was|were|needs|mentions|mentioned|contains|covered|included|doesn'?t|does\s+not|didn'?t)\b|([\s.!]*)$)/i;
/** An add with no place ("add Sam covers Friday"): the page named before is where it goes. */
const ADD_WITHOUT_PAGE =
  /^(?:add|append|put|write|insert|note)\s+(?!(?:me|us|him|her|them|myself)\b)(?!.*\s(?:to|onto|into|on|in)\s)\S/i;

/**
 * "hey, the office guide has the old wifi password. could you replace "a" with "b" in it?", "The
 * travel policy is out of date. Please change "a" to "b"": an edit in the last sentence whose page is
 * the one the sentence before is about. `undefined` unless the edit then reads in full.
 */
function editOfPageBefore(core: string, bodyLines: string): Intent | undefined {
  const start = lastBreak(core, SENTENCE_OR_DASH_BREAK)?.after ?? -1;
  if (start <= 0) return undefined;
  const edit = stripPoliteness(core.slice(start));
  const pronoun = PRONOUN_PLACE.exec(edit);
  const place = pronoun
    ? 'pronoun'
    : REPLACE_WITHOUT_PAGE.test(edit)
      ? 'after'
      : ADD_WITHOUT_PAGE.test(edit)
        ? 'before'
        : undefined;
  // The sentence before is read only for an edit that needs its page (it can be the whole line).
  if (!place) return undefined;
  const page = PAGE_TALKED_ABOUT.exec(stripPoliteness(core.slice(0, start)));
  // A sentence that only names something ("the on call rota.") must name a page, not a thing.
  if (!page || (page[2] !== undefined && !PAGE_LIKE.test(page[1]!))) return undefined;
  const named =
    place === 'pronoun'
      ? `${edit.slice(0, pronoun!.index)} in ${page[1]}`
      : place === 'after'
        ? `${edit} in ${page[1]}`
        : `in ${page[1]}, ${edit}`;
  const read = applyRules(baseVerbForm(named), bodyLines);
  return read && read.kind !== 'failure' ? read : undefined;
}

/** Lead-in clauses tried from the start of a line (each try reads the rest once: linear). */
const MAX_CLAUSE_TRIES = 2;

/** A verb and a pronoun for what came before ("open it"): the object is in the lead-in, not after. */
const POINTS_BACK = /^\S+(?:\s+(?:me|us|for))?\s+(?:it|this|that|them|one)(?:\s+up)?$/i;

/** Where the last match of `breaks` (a global pattern) in `text` starts, and where the text after it starts. */
function lastBreak(text: string, breaks: RegExp): { at: number; after: number } | undefined {
  let found: { at: number; after: number } | undefined;
  for (const match of text.matchAll(breaks))
    found = { at: match.index, after: match.index + match[0].length };
  return found;
}

/** The command form after the last match of `breaks` in `core`, or `undefined`. */
function commandAfter(core: string, breaks: RegExp, bodyLines: string, notThis?: RegExp): Intent | undefined {
  const found = lastBreak(core, breaks);
  return found ? commandAt(core, found.after, bodyLines, notThis) : undefined;
}

/** The command form that starts at `start` in `core`, or `undefined`. */
function commandAt(core: string, start: number, bodyLines: string, notThis?: RegExp): Intent | undefined {
  const sentence = core.slice(start);
  const last = keepInlineBodyEnd(sentence, stripPoliteness(sentence));
  if (last.length === 0 || notThis?.test(last)) return undefined;
  const ruled = parseFollowUp(last) ?? applyRules(baseVerbForm(last), bodyLines);
  if (ruled) return ruled;
  // "I'm on mobile, sorry for typos: cn u opn teh vpn gide": the command's verb mistyped too.
  const fixed = fixVerbTypo(last);
  return fixed ? applyRules(fixed, bodyLines) : undefined;
}

/**
 * What a lead-in says is wanted ("I need the on-call rota", "looking for the Q3 roadmap", "to see the
 * security policy", "I have to go through the runbook"): a page named with "the"/"our", up to the end of its clause.
 */
const WANTED =
  /\b(?:need|needs|want|wants|see|find|finding|looking\s+for|searching\s+for|read(?:\s+(?:up\s+)?(?:about|on))?|check|get|review|go\s+(?:through|over)|look\s+(?:at|over|through))\s+((?:the|our)\s+[^,.!?;:"“]{1,120}?)(?=\s*[,.!?;:]|\s+(?:and|but|so|because|for|from|asap|today|now|please)\b|$)/gi;
/** "…, could you open it?", "… - pls show it to me", "…: can u open it": a request whose object is a pronoun, at the end. */
const POINTING_TAG =
  /(?:[,.!?;:]|\s[-–—])\s*(?:(?:can|could|would|will|cn|cud|cld|coud|wud|wld)\s+(?:you|u|ya|someone)\s+)?(?:please\s+|pls\s+|just\s+)?(?:(open|show|get|find|search|look|pull\s+up|bring\s+up|send|share|link)\s+(?:for\s+)?(?:me\s+|us\s+)?|(pull|bring)\s+)(?:it|this|that|them)(?:\s+(?:up|to\s+me|for\s+me|with\s+me|please|pls))*(?=[\s?!.,;]|$)/gi;
/**
 * Words that may follow the pointing request without changing it ("… open it for me? pls", "…, ok?", "…,
 * pls check and share", "… on priority"): courtesy and the regional ways of saying it. Kept as data.
 */
const AFTER_TAG_WORDS = wordSet(
  'check share revert back priority needful urgent urgently asap when get sec second minute chance thank thanks cheers mate',
);
/** Most words after the pointing request read as courtesy. */
const MAX_AFTER_TAG_WORDS = 6;
/** Most words from "the" to the noun of a page named in a lead-in ("the new hire checklist"). */
const MAX_LEAD_NAME_WORDS = 7;

/**
 * The last page a lead-in names with "the" or "our" and a page or document noun, within its clause
 * ("my manager said everything is on the new hire checklist but …", "the Local Development Setup page
 * is the place to start"), or `undefined`. Word by word, at most a few words from each article: linear.
 */
function lastPageNamed(lead: string): string | undefined {
  const words = lead.split(/\s+/);
  let found: string | undefined;
  for (let i = 0; i < words.length; i += 1) {
    if (!/^(?:the|our)$/i.test(words[i]!)) continue;
    for (let j = i + 2; j < Math.min(words.length, i + 1 + MAX_LEAD_NAME_WORDS); j += 1) {
      const word = words[j]!.replace(/[,.!?;:)]+$/, '');
      if (isDocumentWord(word.toLowerCase()) && !/^(?:the|our)$/i.test(words[j - 1]!)) {
        found = `${words.slice(i, j).join(' ')} ${word}`;
        break;
      }
      if (word !== words[j] || /^(?:the|our|a|an)$/i.test(word)) break;
    }
  }
  return found;
}

/** The end of a clause: what a page named in a lead-in runs up to at most. */
const CLAUSE_END = /[,.!?;:"“]/;

/**
 * The page a {@link WANTED} match names: up to its clause's end when that is one title with "and" in it
 * ("the page Wi-Fi and Printers", "the Password and MFA Policy"), else the words before "and", "but" ….
 */
function titleUpToClauseEnd(lead: string, match: RegExpExecArray): string {
  const named = match[1]!;
  const start = match.index + match[0].length - named.length;
  const end = lead.slice(start).search(CLAUSE_END);
  // "I need to read the Runbook: Kafka Consumer Lag, please open it": a colon the title holds ends no clause.
  const titled = end >= 0 && lead[start + end] === ':' ? colonTitleEnd(lead, start + end) : undefined;
  if (titled !== undefined) return lead.slice(start, titled);
  const clause = withoutFreshness(
    withoutNameEndAdverb((end < 0 ? lead.slice(start) : lead.slice(start, start + end)).trimEnd()),
  );
  return clause !== named && (isTitleShaped(clause) || isTitleAfterPageNoun(clause)) ? clause : named;
}

/** True when `after` (what follows the pointing request) is only courtesy, a reason or an aside. */
function isCourtesyAfterTag(after: string): boolean {
  const words = closedWordsOf(after);
  if (words.length === 0) return true;
  if (words.length > MAX_AFTER_TAG_WORDS) return false;
  return isAside(after.replace(/^[\s?!.,;]+/, '')) || allWordsFrom(words, FUNCTION_WORDS, AFTER_TAG_WORDS);
}

/** Characters at the end of a line looked at for {@link POINTING_TAG}. */
const TAG_PROBE = 80;

/**
 * "We're preparing the audit and I need the security policy. Can you open it?": the pronoun of the
 * closing request read as the page the lead-in wants ("open the security policy"), as a command the
 * rules read; `undefined` when the line does not end that way or the lead-in names no page.
 */
export function pointedCommand(typed: string, bodyLines: string): Intent | undefined {
  // "… Could you open it for me? when you get a sec": courtesy or a reason after the tag leaves it the request.
  const line = withPronounAfterBareRead(typed.trim());
  const from = Math.max(0, line.length - TAG_PROBE);
  let tag: RegExpExecArray | undefined;
  for (const match of line.slice(from).matchAll(POINTING_TAG)) tag = match;
  if (!tag || !isCourtesyAfterTag(line.slice(from + tag.index + tag[0].length))) return undefined;
  const lead = line.slice(0, from + tag.index);
  let last: RegExpExecArray | undefined;
  for (const match of lead.matchAll(WANTED)) last = match;
  // Only the last thing wanted is the pronoun's page: its clause is read once.
  const wanted = last ? titleUpToClauseEnd(lead, last) : (lastPageNamed(lead) ?? pageNamedWithoutThe(lead));
  if (wanted === undefined) return undefined;
  const verb = tag[1] ?? `${tag[2]} up`;
  return applyRules(baseVerbForm(`${/^look$/i.test(verb) ? 'look for' : verb} ${wanted}`), bodyLines);
}

/** The last break before a closing request: a sentence end, a comma, a semicolon or a dash. */
const STATED_BREAK = /(?:[.!?;,]|\s[-–—])\s+(?=\S)/g;
/** "add that to <page>", "put this on <page>": the text is what was just said. */
const ADD_THAT =
  /^(?:add|put|write|note|post|stick|pop|include|mention)\s+(?:that|this|it)\s+(?:down\s+)?(?:to|on|in|into|onto)\s+(?=\S)/i;
/** "update <page>" after a statement: the statement is the update. */
const UPDATE_NAMED = /^(?:update|edit)\s+(?!(?:it|that|this|them)\b)(?=\S)/i;
/** "update it", "add it there": the page is named in the lead-in ("For the X page, …"). */
const UPDATE_IT =
  /^(?:update|edit|add|put|change)\s+(?:it|that|this|them)(?:\s+(?:there|accordingly|in|on))?$/i;
/** "For the Team Rituals page, <statement>": the page first, then what it should now say. */
const PAGE_THEN_STATEMENT =
  /^(?:(?:(?:a\s+)?(?:quick|small|little|short|tiny|minor)\s+)?(?:update|change|note|addition|fix|tweak)\s+)?(?:for|in|on|to)\s+((?:the|our)\s[^,:]{1,120}?)\s*(?:,|:|\s[-–—])\s*(?=\S)/i;

/** Characters of a statement's start used to find it again in the words as typed. */
const STATEMENT_PROBE = 16;

/**
 * The lead-in as typed, without the greeting or courtesy before it ("Hi! Sam is off" → "Sam is off"):
 * found again from the start of what courtesy stripping leaves, so the words after it stay as typed
 * ("… at 9:45 now" keeps "now").
 */
function statementOf(raw: string): string {
  const text = raw.trim();
  const stripped = stripPoliteness(text);
  const from = stripped.length > 0 ? text.indexOf(stripped.slice(0, STATEMENT_PROBE)) : -1;
  return from >= 0 ? text.slice(from).replace(/[\s.!;,]+$/, '') : stripped;
}

/** A statement of a fact (two words or more, no question, no command, no complaint): text for a page. */
function isStatement(text: string, bodyLines: string): boolean {
  return (
    /\S\s+\S/.test(text) &&
    !isComplaint(text) &&
    !isQuestion(text) &&
    applyRules(baseVerbForm(text), bodyLines) === undefined
  );
}

/**
 * The update of the page named by `name` (all of it) with `text` added, or `undefined`. A statement
 * quoted whole (""Retro is on Friday" - add that to X") is added without its quotes.
 */
function addStatement(name: string, text: string): Intent | undefined {
  const cursor = new TextCursor(name);
  const ref = readTarget(cursor, 'end');
  const quoted = readQuoted(text, 0);
  const markdown = quoted?.kind === 'quoted' && quoted.end === text.length ? quoted.value : text;
  return typeof ref === 'string' || !cursor.atEnd() || markdown.trim().length === 0
    ? undefined
    : update(ref, { kind: 'append', markdown });
}

/**
 * "Sam is off on Friday, please add that to the on-call rota", "we moved the standup to 9:45. update
 * the team rituals page", "For the Team Rituals page, the retro is now on Thursdays, can you update
 * it?": a statement, then a request to put it on a page; the statement is added. `undefined` unless the
 * line ends that way and what comes before is a statement, not a question or a command.
 */
/** "<statement> so the X needs updating": the statement, then the page that should now say it. */
const SO_PAGE_NEEDS =
  /^(\S.{0,200}?)[,;]?\s+(?:so|which\s+means)\s+((?:the|our)\s[^,.!?]{1,120}?)\s+(?:needs?|should\s+be|must\s+be|has\s+to\s+be)\s+(?:updating|updated|an\s+update|changing|changed)[\s.!?]*$/i;

/** Words {@link SO_PAGE_NEEDS} cannot match without, looked for before the line is stripped of courtesy. */
const SO_PAGE_NEEDS_HINTS = [/\b(?:so|means)\s/i, /\b(?:needs?|be)\s+(?:updat|an\s+update|chang)/i] as const;

export function statedCommand(line: string, bodyLines: string): Intent | undefined {
  const so = SO_PAGE_NEEDS_HINTS.every((hint) => hint.test(line))
    ? SO_PAGE_NEEDS.exec(stripPoliteness(line))
    : null;
  if (so && isStatement(statementOf(so[1]!), bodyLines)) return addStatement(so[2]!, statementOf(so[1]!));
  const found = lastBreak(line, STATED_BREAK);
  if (!found) return undefined;
  const { at, after: start } = found;
  const ask = stripPoliteness(line.slice(start));
  // "Sorry, crazy day. update the X page\nappend: …": with its text on the lines after, the lead is no text.
  const addThat = ADD_THAT.exec(ask) ?? (bodyLines.trim().length === 0 ? UPDATE_NAMED.exec(ask) : null);
  // "As agreed with legal, please update X: section "H" …": a whole command after the lead, not a page name.
  const named = addThat ? ask.slice(addThat[0].length) : '';
  if (addThat && /[:"“]/.test(named)) return undefined;
  if (!addThat && !UPDATE_IT.test(ask)) return undefined;
  const lead = statementOf(line.slice(0, at));
  if (addThat) return isStatement(lead, bodyLines) ? addStatement(named, decisionOf(lead)) : undefined;
  const pageFirst = PAGE_THEN_STATEMENT.exec(lead);
  if (!pageFirst) return undefined;
  const text = lead.slice(pageFirst[0].length);
  return isStatement(text, bodyLines) ? addStatement(pageFirst[1]!, decisionOf(text)) : undefined;
}

/**
 * Where a first sentence or clause may end: a sentence end, an emoji, or a dash, then a space; a comma
 * before a request, before asking what the wiki has, or before asking how to reach a page ("…, how do I find X?").
 */
const CONTEXT_BREAK =
  /[.!]+\s+(?=\S)|\s[-–—]+\s+(?=\S)|\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\uFE0F|\u200D)*\s+(?=\S)|,\s+(?=(?:where|where's|wheres|can|could|would|pls|please|kindly|open|show|find|search|anything|is\s+there|are\s+there|what\s+(?:do|have)\s+(?:we|you)\s+(?:have|got)|do\s+(?:we|you)\s+have|how\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:find|get\s+to|open|access))\b)/u;
/** Longest context sentence looked at (characters). */
const MAX_CONTEXT = 140;
/** Words that ask for something: a sentence with one is no mere context. */
const ASKING_WORD =
  /\b(?:can|could|would|will|please|pls|plz|kindly|get|see|view|put|write|wanna|where|what|who|how|why|which|(?:search|find|open|show|pull|bring|look|give|send|shar|check|read|need|want|add|append|updat|edit|chang|replac|renam|creat|mak|help|approv)\w*)\b/i;
/** What only chat says: an apology, a mood, a note of haste ("sorry, crazy day", "quick one before standup"). */
const CHAT_MARKER =
  /\b(?:sorry|sry|soz|apologies|ugh|phew|oops|lol|haha+|quick\s+(?:one|q)|long\s+(?:day|week|story)|crazy|busy|hectic|mad|random|heads\s+up)\b/i;
/** The asker or a time ("we had the retro today", "I'm new here", "client call in 10 min"). */
const ASKER_OR_TIME = new RegExp(
  `\\b(?:i|i'?m|im|i'?ve|i'?ll|me|my|we|we'?re|we'?ve|we'?ll|us|our|today|tonight|tomorrow|yesterday|earlier|this\\s+(?:morning|afternoon|week)|(?:next|last)\\s+(?:week|month|year)|standup|retro|meeting|${WEEKDAY}|weekend|back\\s+from|just\\s+(?:back|joined|started|got))\\b`,
  'i',
);

/**
 * Where the request starts after a first sentence of context ("So we had the retro today and this
 * came up. vpn setup", "Sorry, crazy day here 😅 expense policy", "Quick one before standup — open
 * the X"): a sentence that asks nothing, is no question and is about the asker, a time or only chat.
 * -1 when the line does not open that way. Looks at the first break only, within {@link MAX_CONTEXT}.
 */
export function contextLeadEnd(line: string): number {
  const head = line.slice(0, MAX_CONTEXT);
  let from = 0;
  // A greeting first ("hiii 👋 so I'm …"): the context is the sentence after it.
  for (let tries = 0; tries < 2; tries += 1) {
    const match = CONTEXT_BREAK.exec(head.slice(from));
    if (!match || match.index === 0) return -1;
    const lead = head.slice(from, from + match.index + match[0].trimEnd().length);
    const end = from + match.index + match[0].length;
    if (tries === 0 && isGreeting(lead)) {
      from = end;
      continue;
    }
    return isContext(lead) ? end : -1;
  }
  return -1;
}

/** "I need to redo everything", "we have to move desks": what the asker must do, which asks the bot nothing by itself. */
const OWN_NEED = /\b(?:need|needs|have|has)\s+to\b/gi;

/** A sentence that asks nothing, is no question, and is about the asker, a time or only chat. */
export function isContext(lead: string): boolean {
  return (
    /\S\s+\S/.test(lead) &&
    !/[?"“]|:(?!\d)/.test(lead) &&
    !ASKING_WORD.test(lead.replace(OWN_NEED, '')) &&
    fixVerbTypo(lead) === undefined &&
    !isQuestion(lead) &&
    (CHAT_MARKER.test(lead) || ASKER_OR_TIME.test(lead))
  );
}

/** Where a request is asked inside a run-on line: "… can u", "… could I get", "… now search", "… reckon you could", "… any chance you could". */
const ASKED_INSIDE =
  /\s(?:(?:can|could|would|will)\s+(?:you|u|ya|someone|somebody|anyone)|(?:is\s+there\s+)?(?:any|some)\s+chance\s+(?=(?:you|u|ya)\s+(?:could|can|would|might)\b)|could\s+i\s+(?:get|have|see)|reckon\s+(?:you|u|ya)\s+could|(?:please|pls|plz|kindly|now|so)\s+(?=(?:search|find|look|open|show|get|pull|bring|dig)\b))\b/i;
/** A read or write verb in what comes before: then the line is no small talk before a request. */
const VERB_BEFORE_ASK =
  /\b(?:search|find|look|open|show|get|pull|bring|add|append|update|edit|create|make|put|write|change|replace|rename)\b/i;
/** Longest small talk read before a request asked inside the line (chat is short). */
const MAX_RUN_ON_LEAD = 160;
/** "(over) in HR", "on the ENG space": where to look, said before the request; part of it, not small talk. */
const PLACE_BEFORE_ASK =
  /^\s*(?:[Oo]ver\s+)?(?:[Ii]n|[Oo]n|[Ww]ithin|[Ii]nside)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?\s*$/;

/**
 * A search verb said bare inside a run-on line ("the auditors asked about backups search backup
 * retention …"), not after a word that makes it no command ("need to find", "I can't find", "we search",
 * "in search of", "the search").
 */
const SEARCH_VERB_INSIDE =
  /\s(?<!\b(?:in|of|for|on|at|the|a|an|my|our|your|this|no|is|am|are|was|were|be|been|to|can|can't|cant|cannot|could|couldn't|couldnt|would|will|should|shall|may|might|must|do|does|did|don't|dont|didn't|didnt|i|we|you|u|they|he|she|it|who|which|that|where|how|what|why|when)\s)(?:search|find|look\s+up|lookup|look\s+for)\s+(?=\S)/i;

/**
 * Where the request starts in a line of small talk or context run on into it with no punctuation
 * ("morning hope ur well can u open the expense policy", "thanks for that now search for X", "long day
 * here can someone find Y"), or -1: the first "can you …", "could I get …", "now|please <read verb>"
 * after words with no read or write verb and no punctuation; or a bare search verb after a clause that
 * tells what happened or is context ("my manager asked about onboarding search new hire checklist").
 * One match of each over a bounded head.
 */
export function runOnRequestStart(line: string): number {
  const head = line.slice(0, MAX_RUN_ON_LEAD + 40);
  const asked = ASKED_INSIDE.exec(head) ?? toldThenSearched(head);
  if (!asked || asked.index > MAX_RUN_ON_LEAD) return -1;
  const before = head.slice(0, asked.index);
  // Only run on: a comma, a dash or a sentence end before it is the context sentence's own rule (contextLeadEnd).
  if (/[,.!?;:…—–]|\s-\s/.test(before)) return -1;
  if (PLACE_BEFORE_ASK.test(before)) return -1;
  return before.trim().length > 0 && !VERB_BEFORE_ASK.test(before) ? asked.index + 1 : -1;
}

/** A bare search verb inside `head` whose words before it tell what happened or are context (see {@link SEARCH_VERB_INSIDE}). */
function toldThenSearched(head: string): RegExpExecArray | null {
  const verb = SEARCH_VERB_INSIDE.exec(head);
  if (!verb) return null;
  const before = head.slice(0, verb.index);
  return !isQuestion(before) && (isTellingClause(before) || isContext(before)) ? verb : null;
}
