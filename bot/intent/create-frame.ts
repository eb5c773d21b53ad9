import { wordSet } from './closed-words.js';
import { parseCreate } from './parse-create.js';
import type { Intent } from './types.js';

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
    // greetings and names for the listener before the ask ("hiya! would love a page …")
    "hiya heya hello hullo howdy yo morning afternoon evening g'day gday howya dear team all folks guys " +
    'mate bot assistant there',
);
/** Words that make, want or ask for something: at least one must be said. */
const MAKING_WORDS = wordSet(
  'create creat craete make mk mak set spin whip knock chuck throw bang rustle cook put start open write ' +
    'draft add build give prepare generate publish craft compose author need needs needed want wanna ' +
    'wanted like love require requesting request up out together',
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
  'new fresh brand quick short small little wee simple blank separate dedicated basic proper empty ' +
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
  readonly end: number;
}

/** The words of `head` in order, lower case, trailing commas dropped, with where each ends. */
function wordsOf(head: string): Word[] {
  const words: Word[] = [];
  for (const match of head.matchAll(/\S+/g)) {
    words.push({ word: match[0].toLowerCase().replace(/[,!]+$/, ''), end: match.index + match[0].length });
    if (words.length > MAX_LEAD_WORDS + 8) break;
  }
  return words;
}

/**
 * What follows the page noun in `core`, with the word said just before the noun (a space named
 * there: "a new engineering page", "a Sales doc"), when the line opens with the new-page frame.
 */
function frameOf(core: string): { rest: string; spaceWord?: string; named: boolean } | undefined {
  const words = wordsOf(core.slice(0, MAX_FRAME_HEAD));
  let i = 0;
  let making = false;
  while (i < words.length && i < MAX_LEAD_WORDS) {
    const { word } = words[i]!;
    const wish = WEAK_MAKING_WORDS.has(word) && i > 0 && WISH_BEFORE_HAVE.has(words[i - 1]!.word);
    if (MAKING_WORDS.has(word) || wish) making = true;
    else if (!ASKING_WORDS.has(word)) break;
    i += 1;
  }
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
  const noun = words[i];
  if (!noun || !PAGE_NOUNS.has(noun.word)) return undefined;
  const rest = core.slice(noun.end);
  const after = /^[\s,:;]*([\p{L}/]+)/u.exec(rest)?.[1];
  if (after && /^\p{Ll}/u.test(after) && !AFTER_NOUN.has(after.toLowerCase())) return undefined;
  // With no making word, only "a page …" opening the line, and its title must be named, quoted or
  // in capitals ("a page in HR says …: …" is news about a page).
  if (!making && !(article && words[0] === words[i - described - (spaceWord ? 2 : 1)])) return undefined;
  return { rest, ...(spaceWord ? { spaceWord } : {}), named: making };
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
export function newPageAsked(line: string, core: string, bodyLines: string): Intent | undefined {
  // The line as typed keeps the wish that courtesy stripping may take ("I need a page for …").
  const frame = frameOf(line) ?? frameOf(core);
  if (!frame) return undefined;
  // A key in capitals before the noun is the space; another word may be ("a new engineering page")
  // or may not be ("a section page for Interns in HR"): read without it first.
  const readings = !frame.spaceWord
    ? [`a new page${frame.rest}`]
    : KEY_LIKE.test(frame.spaceWord)
      ? [`a new ${frame.spaceWord} page${frame.rest}`]
      : [`a new page${frame.rest}`, `a new page in the ${frame.spaceWord} space${frame.rest}`];
  for (const text of readings) {
    const read = parseCreate(text, bodyLines);
    if (read.kind !== 'operation' || read.request.operation !== 'create') continue;
    if (frame.named || PLAIN_TITLE.test(read.request.title)) return read;
  }
  return undefined;
}

/** True when `intent` is a create (or a failure is none: only operations count). */
export function isCreate(intent: Intent | undefined): boolean {
  return intent?.kind === 'operation' && intent.request.operation === 'create';
}
