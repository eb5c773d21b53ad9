import { wordSet } from './closed-words.js';
import { CREATE_EXAMPLES } from './examples.js';
import { parseCreate } from './parse-create.js';
import { acceptSpaceWord, readNameFirst, readSpaceName } from './space-key.js';
import { TextCursor } from './text-cursor.js';
import type { Intent } from './types.js';
import { isCreateTypo } from './verb-typos.js';

/*
 * A new page asked for in any words: the words before the page noun are all asking or making words
 * from closed lists ("I need", "can u spin up", "could we have", "pls write up", "add one more"), then
 * an article and describing words ("a fresh wiki", "one more new"), then the page noun. What follows
 * is read by the create grammar (parse-create.ts). Used only when the command rules did not read a
 * create, and only a whole create (title, space and text) counts: a failure that asks, or anything
 * else, leaves the line as the rules read it. The lists are data.
 */

/** Words that ask or wish, with no meaning of their own for the page ("I", "could", "pls", "we'd"). */
const ASKING_WORDS = wordSet(
  "i id i'd im i'm i'll ill we we'd wed we'll we're you u ya ye yall can could would will pls plz please kindly just also " +
    "quickly quick me us to for so ok okay hey hi be able ever gonna going let's lets maybe mind " +
    'possibly now still really pretty reckon think wonder wondering if and then am was hoping hope wish ' +
    "would've " +
    // phone spellings of the asking words ("cud u whip up a page …")
    'cud cld wud wld wd coud culd ' +
    // greetings and names for the listener before the ask ("hiya! would love a page …")
    "hiya heya hello hullo howdy yo morning afternoon evening g'day gday howya dear team all folks guys " +
    'mate bot assistant there ' +
    // "is it possible to have …"
    'is it possible',
);
/** Words that make, want or ask for something: at least one must be said. */
const MAKING_WORDS = wordSet(
  // "after": "I'm after a page called X …" (wanting it)
  'create creat craete make mk mak set setup set-up spin whip knock chuck throw bang rustle cook put start open write after ' +
    'draft add build give post stick pop slap drop do doing appreciate save prepare generate publish craft compose author need needs needed want wanna ' +
    'wanted like love require requesting request up out together',
);
/**
 * "-ing" forms of making words: a making word only right after "mind" ("would you mind creating a
 * page …"; "I'm creating a page …" is news).
 */
const MAKING_AFTER_MIND = wordSet(
  'making creating setting writing drafting starting building adding putting whipping',
);
/** "have", "get": a making word only after an asking word ("could we have", "pls get"; "I have a page …" is news). */
const WEAK_MAKING_WORDS = wordSet('have get got');
/** Asking words that make a following "have" or "get" a wish. */
const WISH_BEFORE_HAVE = wordSet(
  "can could would will pls plz please kindly let's lets to need want wanna like love i'd id we'd",
);
/** Articles before the page noun. */
const ARTICLES = wordSet('a an one another');
/** Words that describe the new page, between the article and the page noun ("a fresh wiki page"). */
const DESCRIBING = wordSet(
  'new fresh brand quick short small little wee simple blank separate dedicated basic proper empty draft ' +
    'tiny more extra wiki confluence child sub',
);
/** The page nouns. */
const PAGE_NOUNS = wordSet('page pg doc document article wikipage');
/**
 * What may follow the page noun: naming words, a space or purpose clause, courtesy. A lower-case word
 * outside this list ("a page break in …", "a page number to …") is no new page.
 */
const AFTER_NOUN = wordSet(
  'called named titled entitled title name for about on in into to under within inside regarding ' +
    'with w/ pls please plz that which where',
);
/** Most words read before the page noun (a bounded head). */
const MAX_LEAD_WORDS = 10;
/** Most characters of the line the frame is looked for in. */
const MAX_FRAME_HEAD = 200;

/** One word of the head and where it ends. */
interface Word {
  readonly word: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence end typed right after a page noun ("I want a new page. Name: …"). */
const NOUN_SENTENCE_END = /(?<=^(?:page|pg|doc|document|article))[.?]+$/i;

/** The words of `head` in order, lower case, trailing commas dropped, with where each ends. */
function wordsOf(head: string): Word[] {
  const words: Word[] = [];
  for (const match of head.matchAll(/\S+/g)) {
    const typed = match[0].replace(/[,!]+$/, '');
    // "new Engineering page: Cloud Costs", "I want a new page. Name: X": a colon after a word, or a
    // sentence end after the page noun, is not part of it, and the rest keeps it.
    const raw = typed.replace(/:$/, '').replace(NOUN_SENTENCE_END, '');
    const end = match.index + (raw === typed ? match[0].length : raw.length);
    words.push({ word: raw.toLowerCase(), raw, start: match.index, end });
    if (words.length > MAX_LEAD_WORDS + 8) break;
  }
  return words;
}

/**
 * What follows the page noun in `core`, with the word said just before the noun (a space named
 * there: "a new engineering page", "a Sales doc"), when the line opens with the new-page frame.
 */
function frameOf(core: string): Frame | undefined {
  const words = wordsOf(core.slice(0, MAX_FRAME_HEAD));
  let i = groupSubjectEnd(words);
  let making = false;
  let spaceKey: string | undefined;
  while (i < words.length && i < MAX_LEAD_WORDS) {
    const { word } = words[i]!;
    // "add to HR a new page …": the space, a key in capitals, before what is made.
    const key = SPACE_PREPOSITIONS.has(word) ? KEY_LIKE.exec(words[i + 1]?.raw ?? '')?.[0] : undefined;
    if (making && key !== undefined && spaceKey === undefined) {
      spaceKey = key;
      i += /^(?:space|wiki)$/.test(words[i + 2]?.word ?? '') ? 3 : 2;
      continue;
    }
    const wish =
      (WEAK_MAKING_WORDS.has(word) && i > 0 && WISH_BEFORE_HAVE.has(words[i - 1]!.word)) ||
      (MAKING_AFTER_MIND.has(word) && words[i - 1]?.word === 'mind');
    if (MAKING_WORDS.has(word) || wish || (isCreateTypo(word) && ARTICLES.has(words[i + 1]?.word ?? '')))
      making = true;
    else if (!ASKING_WORDS.has(word)) break;
    i += 1;
  }
  // "add Parking Rules as a new page in OPS: …", "save this as a new page …": the title (or a pointer) first.
  const titledFirst = making ? titleAsPage(core, words, i) : undefined;
  if (titledFirst) return titledFirst;
  const article = i < words.length && ARTICLES.has(words[i]!.word);
  if (article) i += 1;
  let described = 0;
  while (i < words.length && DESCRIBING.has(words[i]!.word) && described < 3) {
    // "new page …", "a fresh doc …": a page said to be new is one to make.
    if (/^(?:new|fresh)$/.test(words[i]!.word)) making = true;
    i += 1;
    described += 1;
  }
  // "a new engineering page", "a Sales doc": one word before the noun, read as the space it names.
  let spaceWord: string | undefined;
  const next = words[i + 1];
  if (
    (article || described > 0) &&
    next &&
    PAGE_NOUNS.has(next.word) &&
    /^[\p{L}&]+$/u.test(words[i]!.word)
  ) {
    const start = words[i]!.end - words[i]!.word.length;
    spaceWord = core.slice(start, words[i]!.end);
    i += 1;
  }
  // "could you make a Snow Days page in HR? …": a title in capitals of two words or more before the noun.
  const titled = making && (article || described > 0) ? titleBeforeNoun(core, words, i) : undefined;
  if (titled) return titled;
  const noun = words[i];
  if (!noun || !PAGE_NOUNS.has(noun.word)) return undefined;
  // "a page for us in OPS, X, with: …": who the page is made for is no part of what follows.
  const rest = core.slice(noun.end).replace(FOR_ME_AFTER_NOUN, '');
  if (!followsPageNoun(rest)) return undefined;
  // With no making word, only "a page …" opening the line (or "page please: …", asked tersely), and
  // its title must be named, quoted or in capitals ("a page in HR says …: …" is news about a page).
  const opening = article
    ? words[0] === words[i - described - (spaceWord ? 2 : 1)]
    : i === 0 && PLEASE_COLON.test(rest);
  if (!making && !opening) return undefined;
  return { rest, ...(spaceWord ? { spaceWord } : {}), ...(spaceKey ? { spaceKey } : {}), named: making };
}

/** "page please: …", "page pls - …": courtesy and a break right after a page noun that opens the line. */
const PLEASE_COLON = /^\s*(?:please|pls|plz)\s*(?::|[-–—]\s)/i;

/** Most words of a title in capitals said before the page noun. */
const MAX_TITLE_BEFORE_NOUN = 6;

/**
 * "a Snow Days page in HR …", "a new Release Plan 2027 doc …": two words or more in capitals (or
 * digits) from `from` up to a page noun, read as the page's title. `undefined` otherwise.
 */
function titleBeforeNoun(core: string, words: readonly Word[], from: number): Frame | undefined {
  let j = from;
  while (j < words.length && j - from < MAX_TITLE_BEFORE_NOUN && /^[\p{Lu}\p{N}]/u.test(words[j]!.raw))
    j += 1;
  const noun = words[j];
  if (j - from < 2 || !noun || !PAGE_NOUNS.has(noun.word)) return undefined;
  const rest = core.slice(noun.end);
  if (!followsPageNoun(rest)) return undefined;
  return { rest: ` called ${core.slice(words[from]!.start, words[j - 1]!.end)}${rest}`, named: true };
}

/** "for me", "for us" right after the page noun, before a space or naming clause. */
const FOR_ME_AFTER_NOUN = /^\s+for\s+(?:me|us)(?=[\s,:]+(?:in|on|into|to|called|named|titled)\b)/i;

/** Nouns for a group or a person in charge, who may be the one who wants the page ("Sales team needs …"). */
const GROUP_SUBJECTS = wordSet(
  'team teams folks people department dept guys crew squad lead leads manager boss',
);
/** Most words of a group's name before its noun ("the people ops team"). */
const MAX_SUBJECT_WORDS = 3;

/**
 * "Sales team needs a page …", "the HR folks want a page …": where the words after a group said to
 * want the page start (0 when the line does not open so). The group's noun must be followed by a
 * making or asking word.
 */
function groupSubjectEnd(words: readonly Word[]): number {
  for (let k = 0; k <= MAX_SUBJECT_WORDS && k + 1 < words.length; k += 1) {
    if (!GROUP_SUBJECTS.has(words[k]!.word)) continue;
    const next = words[k + 1]!.word;
    return k > 0 && (MAKING_WORDS.has(next) || ASKING_WORDS.has(next) || next === 'wants') ? k + 1 : 0;
  }
  return 0;
}

/** Most characters after the page noun looked at for a title typed in lower case. */
const MAX_LOWER_HEAD = 160;
/** A first word in "-ed" ("updated", "moved"): what to do to a page, not a title. */
const PARTICIPLE_FIRST = /^[\s,;]*\p{L}+ed\b/u;
/** A space clause inside a head ("… in hr", "… to ops"). */
const SPACE_WORD_IN_HEAD = /\s(?:in|on|into|to)\s+\S/;

/**
 * "i need a page snow days in hr. text: …": typed all in lower case, a title, a space clause and then
 * a colon before the text. Only the head up to the first colon is looked at (bounded, linear).
 */
function isLowerCaseCreateHead(rest: string): boolean {
  const colon = rest.indexOf(':');
  if (colon < 0 || colon > MAX_LOWER_HEAD) return false;
  const head = rest.slice(0, colon);
  const space = SPACE_WORD_IN_HEAD.exec(head);
  // "i want a page updated in hr: …": a participle after the noun says what to do to a page; "i need
  // a page review in hr: …": one word may make a noun with "page", so a title has two words or more.
  return (
    space !== null &&
    !/\p{Lu}/u.test(head) &&
    !PARTICIPLE_FIRST.test(head) &&
    head.slice(0, space.index).trim().split(/\s+/).length >= 2
  );
}

/**
 * False when a lower-case word outside {@link AFTER_NOUN} follows the page noun ("a page break", "a
 * page owner"), unless the line is typed all in lower case up to the text (see {@link isLowerCaseCreateHead}).
 */
function followsPageNoun(rest: string): boolean {
  const after = /^[\s,:;]*([\p{L}/]+)/u.exec(rest)?.[1];
  return (
    !(after && /^\p{Ll}/u.test(after) && !AFTER_NOUN.has(after.toLowerCase())) || isLowerCaseCreateHead(rest)
  );
}

/** Words that point at what was said or pasted, standing for a new page's text ("save this as a page"). */
const POINTERS = wordSet('this that it these');
/** Most words of a title said before "as a page". */
const MAX_TITLE_WORDS = 8;

/**
 * "add Parking Rules as a new page in OPS: …", "make Desk Rules a page in OPS: …", "can you add 'Fire
 * Wardens' as a page in OPS with: …", "save this as a new page in OPS titled X:", "I need Desk Rules
 * page in OPS: …": a title in capitals or quotes (or a pointer) after the making words, then "[up]
 * [as] a [new] page" (the article may be left out right before the noun). Word by word.
 */
function titleAsPage(core: string, words: readonly Word[], from: number): Frame | undefined {
  let j = from;
  const pointer = POINTERS.has(words[j]?.word ?? '');
  if (pointer) j += 1;
  else if (/^["“‘']/.test(words[j]?.raw ?? '')) {
    // A quoted title: up to the word that closes the quote.
    while (j < words.length && j - from < MAX_TITLE_WORDS && !/\S["”’']$/.test(words[j]!.raw)) j += 1;
    j += 1;
  } else {
    while (j < words.length && j - from < MAX_TITLE_WORDS && /^[\p{Lu}\p{N}]/u.test(words[j]!.raw)) j += 1;
  }
  const titleEnd = j - 1;
  if (titleEnd < from || j >= words.length) return undefined;
  if (words[j]!.word === 'up') j += 1;
  const as = words[j]?.word === 'as';
  if (as) j += 1;
  const article = ARTICLES.has(words[j]?.word ?? '');
  // "I need Desk Rules page in OPS: …": the article left out before the page noun (as in non-native
  // English), after a title of two words or more in capitals or in quotes.
  const quoted = /^["“‘']/.test(words[from]!.raw);
  const bareNoun = !as && !pointer && (titleEnd > from || quoted) && PAGE_NOUNS.has(words[j]?.word ?? '');
  if (!article && !bareNoun) return undefined;
  if (article) j += 1;
  for (let described = 0; described < 3 && DESCRIBING.has(words[j]?.word ?? ''); described += 1) j += 1;
  const noun = words[j];
  // "make Desk Rules a page" needs the title in capitals; a pointer needs "as" ("add this as a page").
  if (!noun || !PAGE_NOUNS.has(noun.word) || (pointer && !as)) return undefined;
  // "make Ana a page …": without "as", a title of one word may be a person.
  if (!as && !pointer && titleEnd === from && !/^["“‘']/.test(words[from]!.raw)) return undefined;
  const rest = core.slice(noun.end);
  if (!followsPageNoun(rest)) return undefined;
  if (pointer) return { rest, named: true };
  const title = core.slice(words[from]!.start, words[titleEnd]!.end).replace(/[,!]+$/, '');
  return { rest: ` called ${title}${rest}`, named: true };
}

/** What a line opening with the new-page frame says after the page noun, and the space it named before. */
interface Frame {
  readonly rest: string;
  /** The word right before the page noun ("a new engineering page"). */
  readonly spaceWord?: string;
  /** A space key said before the page words ("add to HR a new page …", "In HR, add a page …"). */
  readonly spaceKey?: string;
  /** A making or wishing word was said. */
  readonly named: boolean;
}

/** Prepositions before a space said ahead of the page words. */
const SPACE_PREPOSITIONS = wordSet('to in into on inside within');
/**
 * "In HR, …", "For the OPS space, …", "in the People & HR space, …": a space named first, then a
 * comma (the new page asked for after it). A bounded, anchored match.
 */
const SPACE_FIRST =
  /^(?:over\s+)?(?:(?:in|on|for|inside|within|into|to)\s+(?:the\s+)?(?:(~?[A-Z][A-Z0-9]{1,9})(?:\s+(?:space|wiki))?|space\s+(~?[A-Za-z][A-Za-z0-9]{1,9}))|(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+(?:space|wiki)(?=\s*(?:[:;–—]|\s-))|(?=:)))\s*(?:[,:;]|\s[-–—]+|(?=\s(?:please|pls|plz|kindly|can|could|would)\s))\s*(?=\S)/;
/** After a space named in words first: the break before the ask (a comma, a colon, a spaced dash). */
const BREAK_AFTER_SPACE = /\s*(?:[,:;]|\s[-–—]+|(?=\s(?:please|pls|plz|kindly|can|could|would)\s))\s*(?=\S)/y;

/** "Engineering space: …", "the people wiki - …": a space named in words with its marker, opening the line. */
const NAME_AT_START = /(?:the\s+)?/iy;

/**
 * The space named first on the line and the words after its comma, or `undefined`. `bare` when it was
 * one word said without "space" and not as a key in capitals ("In Engineering, …").
 */
function spaceFirst(line: string): { key: string; rest: string; bare?: boolean } | undefined {
  // "In HR, …": the preposition in any case, the key in capitals.
  const typed =
    SPACE_FIRST.exec(line.replace(/^\p{Lu}(?=\p{Ll})/u, (first) => first.toLowerCase())) ??
    SPACE_FIRST.exec(line);
  if (typed) {
    const key = acceptSpaceWord(typed[1] ?? typed[2] ?? typed[3] ?? '', true);
    return key === undefined ? undefined : { key, rest: line.slice(typed[0].length) };
  }
  // "for the People & HR space, …", "over in the ops space: …" read as "in the People & HR space, …".
  const cursor = new TextCursor(line.replace(/^(?:over\s+)?(?:for|in|to)\s/i, 'in '));
  const key = readSpaceName(cursor) ?? readSpaceName(cursor, NAME_AT_START);
  if (key !== undefined) return cursor.take(BREAK_AFTER_SPACE) ? { key, rest: cursor.rest() } : undefined;
  // "In Engineering, …", "under sales - …": one word, a key candidate the directory maps later.
  const word = new TextCursor(line);
  const named = readNameFirst(word);
  if (named === undefined || !word.take(BREAK_AFTER_SPACE)) return undefined;
  return {
    key: named,
    rest: word.rest(),
    ...(line.slice(0, word.pos).includes(named) ? {} : { bare: true }),
  };
}

/** A title said plainly: quoted, or starting with a capital or a digit. */
const PLAIN_TITLE = /^["'“‘«„\p{Lu}\p{N}]/u;

/** A space key candidate in capitals ("HR", "OPS"). */
const KEY_LIKE = /^~?[A-Z][A-Z0-9]{1,9}$/;

/**
 * The whole create a line asks for in words the command rules did not read ("I need a page for Bike
 * Storage in OPS that says …", "can you make a Sales page called X with: …", "write up a page called X
 * in OPS saying …"), or `undefined`.
 */
export function newPageAsked(typedLine: string, core: string, bodyLines: string): Intent | undefined {
  // "I would like to request the creation of a page named X …": the noun of making read as its verb.
  const line = typedLine.replace(CREATION_OF, 'create ');
  // The space said first ("In HR, add a page …"), then the line as typed, which keeps the wish that
  // courtesy stripping may take ("I need a page for …"), then the line without courtesy.
  const first = spaceFirst(line);
  const afterSpace = first ? frameOf(first.rest) : undefined;
  const spaced = afterSpace && first ? [{ ...afterSpace, spaceKey: afterSpace.spaceKey ?? first.key }] : [];
  // A space said as one bare word ("In Lisbon, …") gives way to a space the rest names itself.
  const frames = first?.bare
    ? [frameOf(line) ?? frameOf(core), afterSpace, ...spaced]
    : [...spaced, frameOf(line) ?? frameOf(core) ?? frameAfterContext(line)];
  for (const frame of frames) {
    const read = frame ? readFrame(frame, bodyLines) : undefined;
    if (read) return read;
  }
  // "I need a page in HR", "could you set up a new doc pls": a page asked for with nothing to name it.
  const bare = frames.find((frame) => frame?.named && BARE_REST.test(frame.rest));
  if (bare && bodyLines.trim().length === 0 && !ASKING_ABILITY.test(line))
    return { kind: 'failure', message: NO_TITLE, suggestions: [...CREATE_EXAMPLES] };
  return undefined;
}

/**
 * "we moved floors so we need a page X in OPS …": context, then "so" (or "and", "but") and the wish
 * for a page. A bounded search of the line's head.
 */
const WISH_AFTER_CONTEXT =
  /\s(?:so|and|but|hence)\s+(?=(?:we|i)\s+(?:really\s+|urgently\s+)?(?:need|want|would\s+like|['’]d\s+like)\s+(?:an?|one)\s+(?:new\s+)?(?:page|doc)\b)/i;

/** The frame of the wish after a context clause (see {@link WISH_AFTER_CONTEXT}), or `undefined`. */
function frameAfterContext(line: string): Frame | undefined {
  const context = WISH_AFTER_CONTEXT.exec(line.slice(0, MAX_FRAME_HEAD));
  return context ? frameOf(line.slice(context.index + context[0].length)) : undefined;
}

/** "the creation of a (new) page": making said as a noun. */
const CREATION_OF = /\b(?:the\s+)?creation\s+of\s+(?=(?:an?|one)\s+(?:new\s+)?(?:page|doc|document)\b)/i;

/** After the page noun, at most a space and courtesy (bounded runs). */
const BARE_REST =
  /^\s*(?:(?:in|into|to)\s+(?:the\s+|our\s+)?(?:[\p{L}&' ]{1,40}?\s+(?:space|wiki)|[\p{L}&~]{2,12}))?[\s,]*(?:please|pls|plz|thanks|thx|for\s+me)?[\s.!?]*$/iu;
/** "can I make a page?": whether one may, a question about the bot. */
const ASKING_ABILITY = /\b(?:can|could|may|should|how\s+do)\s+(?:i|we)\b/i;
/** Asked when a new page is wanted and nothing names it. */
const NO_TITLE =
  'What should the new page be called? Put the title in quotes, then `in SPACEKEY`, then the text.';

/** The whole create a frame reads as, or `undefined`. */
function readFrame(frame: Frame, bodyLines: string): Intent | undefined {
  // A space said before the page words: read as "a new page in KEY …" (unless the rest names one).
  // A key in capitals before the noun is the space; another word may be ("a new engineering page")
  // or may not be ("a section page for Interns in HR"): read without it first.
  // "for HR: new page Jury Duty, text: …": a title right after the page noun follows the space as named.
  const titleFirst = frame.spaceKey !== undefined && PLAIN_TITLE.test(frame.rest.trimStart());
  const readings = [
    ...(frame.spaceKey !== undefined ? [`a new page in ${frame.spaceKey}${frame.rest}`] : []),
    ...(titleFirst ? [`a new page in ${frame.spaceKey} called${frame.rest}`] : []),
    ...(!frame.spaceWord
      ? [`a new page${frame.rest}`]
      : KEY_LIKE.test(frame.spaceWord)
        ? [`a new ${frame.spaceWord} page${frame.rest}`]
        : [`a new page${frame.rest}`, `a new page in the ${frame.spaceWord} space${frame.rest}`]),
  ];
  for (const text of readings) {
    const read = parseCreate(text, bodyLines);
    if (isCreate(read) && (frame.named || PLAIN_TITLE.test(titleOf(read)))) return read;
  }
  return undefined;
}

/** True when `intent` is a create (or a failure is none: only operations count). */
export function isCreate(intent: Intent | undefined): boolean {
  return intent?.kind === 'operation' && intent.request.operation === 'create';
}

/** The title of a create (empty for anything else). */
function titleOf(intent: Intent): string {
  return intent.kind === 'operation' && intent.request.operation === 'create' ? intent.request.title : '';
}
