import { editDistance } from './edit-distance.js';

/** Words that ask ("could you …"): corrected only when "you"/"we"/"I" follows ("cna you", "cn u", "cld you"). */
const ASKING = ['can', 'could', 'would', 'will'] as const;
const ASKED = new Set(['you', 'u', 'ya', 'we', 'i']);
/** Courtesy words that stand alone ("pleae", "helo", "thnaks"). */
const COURTESY = ['please', 'hello', 'thanks'] as const;
const KNOWN = new Set<string>([...ASKING, ...COURTESY, 'thank', 'help', 'hell', 'held']);
/** Leading words looked at: courtesy comes first, so a typo further in is content. */
const WORDS_LOOKED_AT = 6;

function correction(word: string, next: string | undefined): string | undefined {
  const lower = word.toLowerCase();
  if (KNOWN.has(lower) || !/^[a-z]{2,}$/.test(lower)) return undefined;
  const near = (candidate: string): boolean =>
    candidate[0] === lower[0] && editDistance(lower, candidate, 1) <= 1;
  // "cn u", "cld you", "wld you": the asking word without its vowels.
  const vowelless = (candidate: string): boolean => candidate.replace(/[aeiou]/g, '') === lower;
  if (next !== undefined && ASKED.has(next.toLowerCase())) {
    const asking = ASKING.find(near) ?? ASKING.find(vowelless);
    if (asking) return asking;
  }
  return lower.length >= 4 ? COURTESY.find(near) : undefined;
}

/**
 * Small words people commonly mistype in chat ("teh", "fro", "pgae", "yuo"), and chat spellings
 * ("gimme", "wanna see"), corrected wherever they occur in the command words. Kept as data.
 */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  teh: 'the',
  hte: 'the',
  // A phone keyboard's neighbouring keys for "the" ("show me thr X", "open rhe X"): never words of their own.
  thr: 'the',
  tge: 'the',
  rhe: 'the',
  yhe: 'the',
  tje: 'the',
  thw: 'the',
  tthe: 'the',
  fro: 'for',
  pgae: 'page',
  // "nwe page X in OPS": "new" with its letters swapped or one held down, never words of their own.
  nwe: 'new',
  enw: 'new',
  neww: 'new',
  paeg: 'page',
  apge: 'page',
  pge: 'page',
  smthing: 'something',
  somthing: 'something',
  sumthing: 'something',
  resutls: 'results',
  reslts: 'results',
  reuslts: 'results',
  ther: 'there',
  thers: "there's",
  theres: "there's",
  anythng: 'anything',
  anyting: 'anything',
  anythin: 'anything',
  anythign: 'anything',
  anyhting: 'anything',
  somethign: 'something',
  nxt: 'next',
  lst: 'last',
  mor: 'more',
  numbr: 'number',
  nubmer: 'number',
  nmber: 'number',
  wher: 'where',
  whre: 'where',
  wehre: 'where',
  thign: 'thing',
  thng: 'thing',
  fr: 'for',
  owt: 'anything',
  summat: 'something',
  wot: 'what',
  moar: 'more',
  taht: 'that',
  thta: 'that',
  tht: 'that',
  yuo: 'you',
  yu: 'you',
  cud: 'could',
  coud: 'could',
  culd: 'could',
  wud: 'would',
  wd: 'would',
  luv: 'love',
  shud: 'should',
  upd8: 'update',
  shld: 'should',
  gr8: 'great',
  txt: 'text',
  pag: 'page',
  wnat: 'want',
  wnt: 'want',
  abt: 'about',
  chk: 'check',
  srch: 'search',
  gimme: 'give me',
  wanna: 'want to',
  hw: 'how',
  hwo: 'how',
  waht: 'what',
  whta: 'what',
  wht: 'what',
  thru: 'through',
};
/** Command words looked at for chat spellings; the rest of the line may be page text. */
const COMMAND_WORDS_LOOKED_AT = 20;
/**
 * "-ing" words of requests people type with the g dropped ("sayin", "lookin' for"), read with it.
 * Kept as data: a word missing here stays as typed.
 */
const G_DROPPED = new Set(
  (
    'saying looking searching trying wondering hoping needing wanting finding adding asking going getting ' +
    'reading stating talking mentioning covering describing containing updating creating making opening ' +
    'showing putting writing changing fixing struggling having thinking'
  ).split(' '),
);
/** Digits typed for words in chat, read as the words only before an article or pronoun ("2 the"). */
const NUMBER_WORDS: Readonly<Record<string, string>> = { '2': 'to', '4': 'for', four: 'for' };
/**
 * "pls add too the expense policy …": "too" typed for "to", read so only after a verb that puts text somewhere
 * and before an article or pronoun ("me too the guide is …" keeps it).
 */
const PUTTING_VERB = /^(?:add|append|put|write|post|stick|pop|move|copy|link|send)$/i;
/**
 * "can you right on the X that …": "right" typed for "write", read so only where a verb stands (after
 * "you", "pls", "to") and before where the text goes ("right on the X"); "right" elsewhere is kept.
 */
const VERB_SLOT_BEFORE = /^(?:you|u|ya|please|pls|plz|to|and|then|just)$/i;
const WHERE_TEXT_GOES = /^(?:on|in|into|to|down)$/i;
const PAGE_ARTICLE = /^(?:a|an|the|this|that|new|my|our|your)$/i;
const ARTICLE_OR_PRONOUN = /^(?:the|a|an|my|our|me|us|you|u|this|that|some|any)$/i;
/** Words that follow "where" at a line's start but never "were" ("were is", "were can I …"). */
const WHERE_ASKED_AFTER = /^(?:is|are|r|can|could|do|does|should|would|will)$/i;
/** Words after which the rest of the line is what a page should say ("… saying we're goin"). */
const TEXT_FOLLOWS = new Set(['saying', 'says', 'stating', 'reading']);

/** The chat spelling of `word` corrected, or `undefined` ("teh" → "the", "sayin" → "saying"). */
function chatSpelling(word: string): string | undefined {
  const lower = word.toLowerCase();
  const fixed = CHAT_SPELLINGS[lower];
  if (fixed) return fixed;
  return lower.endsWith('in') && G_DROPPED.has(`${lower}g`) ? `${lower}g` : undefined;
}

/**
 * The line with {@link CHAT_SPELLINGS} corrected among its first words, up to the first colon or
 * quote (after which the words may be text for a page, kept as typed).
 */
function fixChatSpellings(line: string): string {
  const parts = line.split(/(\s+)/);
  let seen = 0;
  let inQuote = false;
  for (let i = 0; i < parts.length && seen < COMMAND_WORDS_LOOKED_AT; i += 1) {
    const part = parts[i]!;
    if (part.trim() === '') continue;
    seen += 1;
    // A quoted title is skipped, its words kept as typed ("mak a page "X" in OPS sayng …"); a colon or a
    // single quote may start page text, so the words after it are kept as typed.
    const marks = (part.match(/["“”«»„]/g) ?? []).length;
    if (inQuote || marks > 0) {
      inQuote = marks % 2 === 1 ? !inQuote : inQuote;
      if (/:/.test(part) && !inQuote) break;
      continue;
    }
    // "wiht:", "contnet:": a word just before the colon is still read, then the words stop.
    const lastBeforeColon = /^[A-Za-z]+:$/.test(part);
    if (!lastBeforeColon && /[:‘']/.test(part.replace(/^[A-Za-z]+(?:'[a-z]{1,2}|in')$/, ''))) break;
    // "link 2 the X", "search 4 the Y": a digit for "to" / "for" before an article or pronoun.
    const digitWord = NUMBER_WORDS[part.toLowerCase()];
    if (digitWord && ARTICLE_OR_PRONOUN.test(parts[i + 2] ?? '')) parts[i] = digitWord;
    const homophone =
      /^(?:right|rite)$/i.test(part) &&
      VERB_SLOT_BEFORE.test(parts[i - 2] ?? '') &&
      WHERE_TEXT_GOES.test(parts[i + 2] ?? '');
    if (homophone) parts[i] = 'write';
    if (
      /^too$/i.test(part) &&
      PUTTING_VERB.test(parts[i - 2] ?? '') &&
      ARTICLE_OR_PRONOUN.test(parts[i + 2] ?? '')
    )
      parts[i] = 'to';
    // "were is the vpn guide", "were can I find X": "were" typed for "where" first, before what no "were" precedes.
    if (seen === 1 && /^were$/i.test(part) && WHERE_ASKED_AFTER.test(parts[i + 2] ?? '')) parts[i] = 'where';
    // "a pg called X": "pg" for "page" only after an article ("pg upgrade" is Postgres).
    if (/^pgs?$/i.test(part) && PAGE_ARTICLE.test(parts[i - 2] ?? ''))
      parts[i] = part.length === 3 ? 'pages' : 'page';
    // "wud u b able to": "b" for "be" right after "you".
    if (/^b$/i.test(part) && /^(?:u|you|ya)$/i.test(parts[i - 2] ?? '')) parts[i] = 'be';
    const word = /^[A-Za-z][A-Za-z0-9]*/.exec(parts[i]!)?.[0];
    const fixed = word ? chatSpelling(word) : undefined;
    if (fixed) parts[i] = `${fixed}${part.slice(word!.length).replace(/^'/, '')}`;
    if (TEXT_FOLLOWS.has((fixed ?? word ?? '').toLowerCase()) || lastBeforeColon) break;
  }
  return parts.join('');
}

/**
 * The line with typos of its leading courtesy words corrected ("cna you" → "can you", "pleae" →
 * "please", "helo" → "hello"), so the courtesy is dropped like the well-typed kind. One edit at
 * most, first letter kept, only among the first few words. Pure; linear in those words.
 */
export function fixCourtesyTypos(typed: string): string {
  const line = fixChatSpellings(typed);
  const parts = line.split(/(\s+)/);
  let seen = 0;
  for (let i = 0; i < parts.length && seen < WORDS_LOOKED_AT; i += 1) {
    const part = parts[i]!;
    if (part.trim() === '') continue;
    seen += 1;
    const word = /^[A-Za-z]+/.exec(part)?.[0];
    if (!word) continue;
    const fixed = correction(word, parts[i + 2]?.replace(/[^A-Za-z]+$/, ''));
    if (fixed) parts[i] = `${fixed}${part.slice(word.length)}`;
  }
  return parts.join('');
}
