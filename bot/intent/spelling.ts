import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { editDistance } from './edit-distance.js';

/*
 * Words of a request typed wrong anywhere among its command words ("cna you serach teh ENG sapce fro
 * pages abotu kafka", "open the page calld X", "secton"). A word is corrected only when it is not an
 * English word (npm `word-list`) and is one slip of the hand (a swap of neighbouring letters, a letter
 * left out, a key next to the one meant) from a word of the parser's own vocabulary below, no other
 * word being as likely; or that word with vowels left out ("updt"), a letter held down ("pleeease"),
 * or two such words run together ("canyou"); or a short form kept as data ("hav", "pae"). Content
 * words are never in that vocabulary, so a search for "expnse polcy" keeps its words as typed.
 */

/**
 * The words the rules key on: command verbs, page nouns, prepositions, pronouns, courtesy and question
 * words, and the words that introduce a title or a page's text. Kept as data; a word missing here is
 * never corrected to, and never corrected.
 */
const VOCABULARY =
  // command verbs and their -ing forms
  (
    'search searching find finding look looking lookup open opening show showing display view read ' +
    'check get getting bring pull fetch send share link add adding append put write writing create ' +
    'creating make making update updating edit editing change changing rename replace correct insert ' +
    'delete remove help approve start swap include mention mentions mentioning attach post rewrite ' +
    'switch locate access ' +
    // asking and wishing
    'need needs want wants like would could should will shall might must can cannot mind know think ' +
    'wonder wondering hoping trying tell please thanks thank hello morning afternoon evening quick ' +
    'possible chance able kindly favour favor asked told someone anyone somebody anybody ' +
    // pages and their parts
    'page pages section title titled heading space spaces document documents documentation docs ' +
    'article articles content contents body text line lines note called named saying says stating ' +
    'results result approvals approval pending waiting information info stuff regarding related ' +
    'covering explains describes contains confluence latest yesterday today nothing ' +
    // positions and follow-ups
    'first second third fourth fifth last next previous more other another again ' +
    // function words
    'the this that these those there their them then than what which where when whose why how many ' +
    'with without about from into onto under over after before for and but any anything something ' +
    'everything some have does your you they here just also only in on of to at by it is me my an ' +
    // small talk around a request
    'so hey yes yeah okay ok'
  ).split(' ');

/** Chat forms and words the English list lacks that are meant as typed: never corrected. */
const KEPT = new Set(
  (
    'pls plz thx thnx ty tysm lmk fyi btw tbh imo asap smth sth abt pg pgs srch hows whats wheres whos ' +
    'thats theres thers dont cant wont isnt doesnt didnt youre ive im id ill lets okay ok ' +
    // file formats
    'docx xlsx pptx'
  ).split(' '),
);

/**
 * Words read as another whatever the checks below say: English words a request means as another word
 * ("wich page …", "abut kafka"), and chat shortenings and phone slips of three letters, which the
 * checks leave alone ("hav", "lst", "wht", "pae", "oen"; abbreviations such as "int", "sys", "sme",
 * "txt" are not among them). Kept as data.
 */
const READ_AS: Readonly<Record<string, string>> = {
  wich: 'which',
  fro: 'for',
  tittle: 'title',
  thrid: 'third',
  abut: 'about',
  neds: 'needs',
  wat: 'what',
  hav: 'have',
  hve: 'have',
  // phone spelling: "do u hv docs on X", "whr r the X docs"
  hv: 'have',
  whr: 'where',
  nething: 'anything',
  wher: 'where',
  // "where's" with the apostrophe and one letter left out, not "where" ("whers the X page")
  whers: 'wheres',
  lst: 'last',
  frm: 'from',
  fnd: 'find',
  shw: 'show',
  opn: 'open',
  wht: 'what',
  whn: 'when',
  wth: 'with',
  ths: 'this',
  knw: 'know',
  mke: 'make',
  jst: 'just',
  lne: 'line',
  lnk: 'link',
  yur: 'your',
  mre: 'more',
  pul: 'pull',
  // a letter left out on a phone keyboard
  pae: 'page',
  pag: 'page',
  oen: 'open',
  sho: 'show',
  hlp: 'help',
  hre: 'here',
  nte: 'note',
  noe: 'note',
  tey: 'they',
  thi: 'this',
  wih: 'with',
  yor: 'your',
  thm: 'them',
  alo: 'also',
  kno: 'know',
  mny: 'many',
  soe: 'some',
  vew: 'view',
  lke: 'like',
  ovr: 'over',
  edt: 'edit',
  eit: 'edit',
  fom: 'from',
};

/**
 * Shortest word corrected by any edit: three letters or fewer are too often abbreviations ("sso",
 * "pto"), so those are corrected only from a swap ({@link SWAP_LENGTH}).
 */
const MIN_LENGTH = 4;
const SWAP_LENGTH = 3;
/** Longest word looked at; longer ones are left as typed (and cost nothing). */
const MAX_LENGTH = 20;
/** Words looked at per line; a longer line keeps the rest as typed. */
const WORDS_LOOKED_AT = 40;

const VOCABULARY_SET = new Set(VOCABULARY);

/** The word without one of its letters, for each letter. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Vocabulary words by each form with at most one letter deleted: two words one edit (or one swap)
 * apart share such a form, so a typed word's candidates are found with length + 1 lookups.
 */
const BY_DELETION = new Map<string, string[]>();
for (const word of VOCABULARY) {
  for (const key of [word, ...deletions(word)]) {
    const list = BY_DELETION.get(key) ?? [];
    if (!list.includes(word)) list.push(word);
    BY_DELETION.set(key, list);
  }
}

/** Keys next to each letter on a QWERTY keyboard: a letter typed wrong is mostly a neighbour. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa',
  w: 'qeasd',
  e: 'wrsdf',
  r: 'etdfg',
  t: 'ryfgh',
  y: 'tughj',
  u: 'yihjk',
  i: 'uojkl',
  o: 'ipkl',
  p: 'ol',
  a: 'qwsz',
  s: 'weadzx',
  d: 'ersfxc',
  f: 'rtdgcv',
  g: 'tyfhvb',
  h: 'yugjbn',
  j: 'uihknm',
  k: 'iojlm',
  l: 'opk',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};
const VOWELS = 'aeiou';

function isNeighbour(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (NEIGHBOURS[a] ?? '').includes(b);
}

/**
 * True when `word` is `candidate` (one edit or one swap away) typed the way hands and ears slip: a
 * swap or a letter left out; a letter typed for a key next to it, or a vowel for a vowel ("sectien",
 * "anythung"); a letter added next to the same letter or a key next to its own ("thhe", "wiht"). Not a
 * letter far from the one meant: "owen" is not "open", "wifi" not "wiki".
 */
function isLikelySlip(word: string, candidate: string): boolean {
  if (word.length < candidate.length || isSwap(word, candidate)) return true;
  let i = 0;
  while (word[i] === candidate[i]) i += 1;
  const typed = word[i]!;
  if (word.length === candidate.length) {
    const meant = candidate[i]!;
    return isNeighbour(typed, meant) || (VOWELS.includes(typed) && VOWELS.includes(meant));
  }
  const before = word[i - 1];
  const after = word[i + 1];
  return typed === before || typed === after || isNeighbour(typed, before) || isNeighbour(typed, after);
}

/** The vocabulary words one edit or one swap from `word` (which is not one of them). */
function nearWords(word: string): string[] {
  const found = new Set<string>();
  for (const key of [word, ...deletions(word)]) {
    for (const candidate of BY_DELETION.get(key) ?? []) {
      if (!found.has(candidate) && editDistance(word, candidate, 1) === 1 && isLikelySlip(word, candidate))
        found.add(candidate);
    }
  }
  return [...found];
}

let englishWords: string | undefined;

/**
 * The English word list (one lower-case word a line, sorted), read once on first use: 2.8 MB held
 * as one string and searched by bisection, instead of a set of 274,000 strings. Unreadable, it is
 * empty and every word counts as English, so nothing is corrected.
 */
function loadEnglishWords(): string {
  if (englishWords !== undefined) return englishWords;
  try {
    const entry = createRequire(import.meta.url).resolve('word-list');
    englishWords = `\n${readFileSync(join(dirname(entry), 'words.txt'), 'latin1').trim()}\n`;
  } catch {
    englishWords = '';
  }
  return englishWords;
}

/**
 * True when `word` (lower case) is in the English word list, or the list could not be read. The list
 * is sorted but for two words out of place ("manlihood", "sharrowed"), which bisection misses: no
 * word of the vocabulary is near them.
 */
export function isEnglishWord(word: string): boolean {
  const text = loadEnglishWords();
  if (text.length === 0) return true;
  // Between `low` and `high` (both the start of a line), bisect on the line around the middle.
  let low = 1;
  let high = text.length;
  while (low < high) {
    const start = text.lastIndexOf('\n', ((low + high) >>> 1) - 1) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end);
    if (line === word) return true;
    if (line < word) low = end + 1;
    else high = start;
  }
  return false;
}

/** True when `a` is `b` with two neighbouring letters swapped ("teh" and "the"). */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Words people run into the next or the last one when the space bar is missed ("canyou", "inthe"). */
const JOINERS = new Set(['the', 'you', 'me', 'my', 'your', 'this', 'that']);

/**
 * `word` read as two vocabulary words run together, one of them a {@link JOINERS} word ("canyou" is
 * "can you", "tothe" "to the"; "checkin" and "oncall" stay), or `undefined` when there is not exactly
 * one way to read it so.
 */
function splitWord(word: string): string | undefined {
  let found: string | undefined;
  for (let i = 1; i < word.length; i += 1) {
    const [left, right] = [word.slice(0, i), word.slice(i)];
    if (!VOCABULARY_SET.has(left) || !VOCABULARY_SET.has(right)) continue;
    if (!JOINERS.has(left) && !JOINERS.has(right)) continue;
    if (found !== undefined) return undefined;
    found = `${left} ${right}`;
  }
  return found;
}

/**
 * Vocabulary words by their forms with one or two vowels left out, the first letter kept ("updt",
 * "chng", "scnd", "plse"): chat drops vowels.
 */
const BY_VOWELS_DROPPED = new Map<string, string[]>();
for (const word of VOCABULARY) {
  const vowels = [...word].flatMap((letter, i) => (i > 0 && 'aeiou'.includes(letter) ? [i] : []));
  const forms = new Set<string>();
  for (const [n, first] of vowels.entries()) {
    forms.add(word.slice(0, first) + word.slice(first + 1));
    for (const second of vowels.slice(n + 1))
      forms.add(word.slice(0, first) + word.slice(first + 1, second) + word.slice(second + 1));
  }
  for (const form of forms) BY_VOWELS_DROPPED.set(form, [...(BY_VOWELS_DROPPED.get(form) ?? []), word]);
}

/** A letter held down: three or more of it in a row (bounded, so a word of 20 letters has at most 6). */
const HELD_LETTER = /([a-z])\1{2,}/g;

/**
 * `word` with each letter held down ("pleeease", "thaaanks", "neeed") typed once or twice, when that
 * gives exactly one vocabulary word, or `undefined`.
 */
function unheldWord(word: string): string | undefined {
  const runs = word.match(HELD_LETTER);
  if (!runs || runs.length > 3) return undefined;
  let forms = [''];
  let from = 0;
  for (const run of word.matchAll(HELD_LETTER)) {
    const before = word.slice(from, run.index);
    const letter = run[1]!;
    forms = forms.flatMap((form) => [form + before + letter, form + before + letter + letter]);
    from = run.index + run[0].length;
  }
  const found = forms.map((form) => form + word.slice(from)).filter((form) => VOCABULARY_SET.has(form));
  return found.length === 1 ? found[0] : undefined;
}

/** The one vocabulary word `word` (four letters or more) is with one or two vowels left out, or `undefined`. */
function vowelsDropped(word: string): string | undefined {
  const found = word.length >= MIN_LENGTH ? BY_VOWELS_DROPPED.get(word) : undefined;
  return found?.length === 1 ? found[0] : undefined;
}

/**
 * How unlikely a typo `candidate` → `word` is, lower first: the first letter kept (or swapped with the
 * second) before a first letter typed wrong, then a swap, a letter typed wrong, a letter left out or
 * added ("waht" is "what" before "want", "yoru" "your" before "you", "pust" "put" before "just").
 */
function typoRank(word: string, candidate: string): number {
  const swap = isSwap(word, candidate);
  const kept = swap || word[0] === candidate[0] ? 0 : 3;
  return kept + (swap ? 0 : word.length === candidate.length ? 1 : 2);
}

/**
 * The vocabulary word `word` (lower case) is a typo of, or `undefined`: the likeliest candidate by
 * {@link typoRank}, when no other is as likely (three-letter words only as a swap of a three-letter
 * word: "teh", "cna", "yuo"); else vowels left out ("updt", "chng"), a letter held down
 * ("pleeease"), or two words run together ("canyou"), read as the two.
 */
export function correctedWord(word: string): string | undefined {
  const meant = READ_AS[word];
  if (meant) return meant;
  if (word.length < SWAP_LENGTH || word.length > MAX_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  if (VOCABULARY_SET.has(word) || KEPT.has(word)) return undefined;
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const candidate of nearWords(word)) {
    if (word.length < MIN_LENGTH && !isSwap(word, candidate)) continue;
    const rank = typoRank(word, candidate);
    tied = rank === bestRank || (tied && rank > bestRank);
    if (rank < bestRank) [best, bestRank] = [candidate, rank];
  }
  if (best !== undefined && tied) return undefined;
  const read = best ?? vowelsDropped(word) ?? unheldWord(word) ?? splitWord(word);
  return read !== undefined && !isEnglishWord(word) ? read : undefined;
}

/** "r" for "are" in chat, read so only next to a question word or a pronoun ("where r the docs", "r there any"). */
const ARE_BEFORE = new Set(['what', 'where', 'how', 'who', 'why', 'when', 'which', 'u', 'you', 'we', 'they']);
const ARE_AFTER = new Set(['u', 'you', 'there', 'they', 'we', 'the', 'any', 'these', 'those']);
/** "cn" for "can" before whoever is asked ("cn sum1 open …", "cn u"). */
const ASKED = new Set([
  'u',
  'you',
  'i',
  'we',
  'someone',
  'anyone',
  'somebody',
  'anybody',
  'sum1',
  'some1',
  'any1',
]);
/** "any1", "sum1": chat's digit for "one" after these. */
const ONE_AFTER = /^(any|some|sum|every|no)1$/i;

/** Verbs after which a phone's "4" is "for" ("search 4 X", "looking 4 the rota"). */
const FOR_AFTER = new Set(['search', 'searching', 'srch', 'look', 'looking', 'find']);
/** Verbs after which a phone's "2" is "to" before a page's capitalised name ("add 2 Reading List: …"). */
const TO_AFTER = new Set(['add', 'append', 'post', 'write']);
/** What a "4" counts, so it stays a number ("search 4 day week", "4 hours"). */
const COUNTED =
  /^(?:days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|steps?|pillars?|eyes|k|x|pm|am|times?|people|pages?|items?|wheel|star|levels?|quarters?)$/i;

/** The chat form `part` stands for between `previous` and `next` ("r", "cn", "any1", "b4", "4"), or `undefined`. */
function chatForm(part: string, previous: string | undefined, next: string | undefined): string | undefined {
  if (part === 'b4') return 'before';
  if (
    part === '4' &&
    FOR_AFTER.has(previous?.toLowerCase() ?? '') &&
    next !== undefined &&
    !COUNTED.test(next)
  )
    return 'for';
  if (
    part === '2' &&
    TO_AFTER.has(previous?.toLowerCase() ?? '') &&
    next !== undefined &&
    /^\p{Lu}/u.test(next) &&
    !COUNTED.test(next)
  )
    return 'to';
  if (
    part === 'r' &&
    (ARE_BEFORE.has(previous?.toLowerCase() ?? '') || ARE_AFTER.has(next?.toLowerCase() ?? ''))
  )
    return 'are';
  if (part === 'cn' && ASKED.has(next?.toLowerCase() ?? '')) return 'can';
  const one = ONE_AFTER.exec(part);
  return one ? `${one[1]!.toLowerCase() === 'sum' ? 'some' : one[1]!.toLowerCase()}one` : undefined;
}

/** What may follow a word corrected: a clitic ("wat's", "wher’s") and closing punctuation. */
const WORD_END = /^(?:['’](?:s|re|ll|d|m|ve)|n['’]t)?[,.!?;:]*$/;
/** A word after which the rest of the line is what a page should say. */
const TEXT_FOLLOWS = new Set(['saying', 'says', 'say', 'stating']);
/** A token that opens quoted text or code (`"X"`, `'X'`, "`code`"). */
const OPENS_QUOTE = /^["“‘«„'`]/;
/** A token that closes it (`X"`, `X”,`, `X'.`). */
const CLOSES_QUOTE = /["”’»'`][,.!?;:)]*$/;

/**
 * The command line with its mistyped words corrected (see the file comment). Only words of lower-case
 * letters, or capitalised where a sentence starts, among the first {@link WORDS_LOOKED_AT} (a clitic
 * and a trailing `,.!?;:` kept). Quoted text and code are skipped, and it stops at "word:", at a quote
 * inside a word and at the words that introduce a page's text ("saying …"), so what a person wants
 * written stays as typed. Linear: each word costs at most a bounded number of lookups.
 */
export function fixSpelling(line: string): string {
  const parts = line.split(' ');
  const limit = Math.min(parts.length, WORDS_LOOKED_AT);
  let quoted = false;
  for (let i = 0; i < limit; i += 1) {
    if (quoted || OPENS_QUOTE.test(parts[i]!)) {
      quoted = !CLOSES_QUOTE.test(quoted ? parts[i]! : parts[i]!.slice(1));
      continue;
    }
    // "I’m", "can’t": the apostrophe phones type curly is read as the straight one the rules know.
    const part =
      chatForm(parts[i]!, parts[i - 1], parts[i + 1]) ?? parts[i]!.replace(/(?<=\p{L})’(?=\p{L})/gu, "'");
    parts[i] = part;
    // A capital only where a sentence starts ("Cna you …", "Hi! Plese …"): elsewhere it is a name.
    const sentenceStart = i === 0 || /[.!?]$/.test(parts[i - 1]!);
    const word = (sentenceStart ? /^[A-Za-z][a-z]*/ : /^[a-z]+/).exec(part)?.[0];
    const rest = word ? part.slice(word.length) : part;
    const lower = word?.toLowerCase();
    const fixed = lower && WORD_END.test(rest) ? correctedWord(lower) : undefined;
    if (fixed) parts[i] = (word![0] === lower![0] ? fixed : fixed[0]!.toUpperCase() + fixed.slice(1)) + rest;
    // An apostrophe between letters ("I'm") is no quote.
    const quoteInside = /["“”‘’«»„`]/.test(part.replace(/(?<=\p{L})'(?=\p{L})/gu, ''));
    if (part.endsWith(':') || quoteInside || TEXT_FOLLOWS.has(fixed ?? lower ?? '')) break;
  }
  return parts.join(' ');
}
