import { addAfterPage } from './add-after-page.js';
import { closestWord, editDistance } from './edit-distance.js';

/*
 * Command verbs typed wrong at the start of a line: one edit from a long verb ("serach"), the same
 * letters in another order ("opne"), or the vowels left out ("srch"). Pure; a few words compared.
 */

const TYPO_VERBS = [
  'search',
  'create',
  'update',
  'append',
  'rename',
  'replace',
  'approvals',
  'display',
  'change',
] as const;
const SWAP_VERBS = ['find', 'open', 'show', 'edit', 'help', 'get', 'make'] as const;
/** Short verbs corrected at one edit when the typed word has five letters or more ("oppen"). */
const NEAR_VERBS = ['open', 'show', 'find'] as const;

/** Four-letter verbs corrected at one letter typed wrong, the first two kept ("opem"); "show" and "find" are not ("shop", "fine" are words). */
const FOUR_LETTER_VERBS = ['open'] as const;
/** Verbs whose last letter is often dropped ("ope", "sho"); three letters at least. */
const CLIPPED_VERBS = ['open', 'show', 'make'] as const;
/** Verbs a word may be with a letter held down ("addd", "helpp", "findd"). */
const REPEAT_VERBS = [
  'search',
  'find',
  'look',
  'open',
  'show',
  'get',
  'add',
  'edit',
  'help',
  'update',
  'create',
  'append',
  'rename',
  'replace',
  'change',
  'amend',
] as const;

/** The word with runs of one letter collapsed ("addd" → "ad"). */
function collapseRuns(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/** One substitution in a four-letter verb, first two letters kept ("opem" → "open"). */
function isNearShortVerb(typed: string, verb: string): boolean {
  return typed.length === 4 && typed.slice(0, 2) === verb.slice(0, 2) && editDistance(typed, verb, 1) === 1;
}

/** Verbs typed without their vowels ("srch", "opn", "updt"). */
const VOWELLESS_VERBS = [
  'search',
  'open',
  'show',
  'find',
  'create',
  'update',
  'append',
  'edit',
  'help',
] as const;

/** True when `typed` is `verb` with one or two of its vowels left out, the first letter kept. */
function isVowelless(typed: string, verb: string): boolean {
  const missing = verb.length - typed.length;
  if (missing < 1 || missing > 2 || typed.length < 3 || typed[0] !== verb[0]) return false;
  let at = 0;
  let dropped = 0;
  for (const letter of verb) {
    if (typed[at] === letter) at += 1;
    else if ('aeiou'.includes(letter)) dropped += 1;
    else return false;
  }
  return at === typed.length && dropped === missing;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** "have a", "do a quick": words before "search" used as a noun ("have a serach for …"). */
const SEARCH_NOUN_LEAD = /^(?:do|run|make|have)\s+an?\s+(?:quick\s+)?(?=[a-z]{5,}\s)/i;

/**
 * The line with its first word replaced by the verb it is a typo of: one edit from a long verb
 * ("serach", "oppen"), or the same letters in another order ("opne", "sreach", two edits at most).
 * After "have a" / "do a (quick)", a typo of "search" is corrected the same way ("have a serach for …").
 */
export function fixVerbTypo(core: string): string | undefined {
  const lead = SEARCH_NOUN_LEAD.exec(core);
  if (lead) {
    const noun = fixFirstWord(core.slice(lead[0].length));
    return noun?.startsWith('search') ? `${lead[0]}${noun}` : undefined;
  }
  return fixFirstWord(core) ?? addAfterPage(core);
}

/**
 * "ad "text" to …", "ad to X: …", "ad to the X page that …", "ad to the X page - …": "add" with a letter dropped, read as such
 * only before a quote, "a line", "to <page>:" or "to the <page> that/saying" (an advert is not added to a page).
 */
const AD_BEFORE_TEXT =
  /^ad\s+(?=["“‘'«„]|(?:(?:a|the|this)\s+)?(?:line|note|sentence|bullet)\b|(?:to|onto|into)\s+[^:\n]{1,120}:|(?:to|onto|into)\s+(?:the|our)\s+[^:\n]{1,120}?\s(?:that|saying|[-–—])\s)/i;

/** Verbs typed as another word one key off ("shoe me", "sow me"): read as the verb only before "me" or "us". Data. */
const WORD_SLIPS: Readonly<Record<string, string>> = { shoe: 'show', sow: 'show' };
const WORD_SLIP_BEFORE_ME = /^(shoe|sow)(?=\s+(?:me|us)\s)/i;

/** Chat spellings of a verb with a digit for a sound ("cr8" = create): not typos, so listed as data. */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = { cr8: 'create', cre8: 'create' };
const CHAT_SPELLING = /^(cr8|cre8)(?=\s)/i;

/** What is made, right after a create verb: an article, "new", a page noun or a quote. */
const MADE_AHEAD = /^\s+(?:an?\s|one\s|new\s|(?:page|pg|doc)\b|["“‘'])/i;

/**
 * "craet", "crteae": "create" typed two edits off, its first two letters kept (five letters or more).
 * Read as the verb only before what is made (see {@link MADE_AHEAD}): "craet a page in HR".
 */
export function isCreateTypo(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    lower.length >= 5 && lower.length <= 8 && lower.startsWith('cr') && editDistance(lower, 'create', 2) <= 2
  );
}

function fixFirstWord(core: string): string | undefined {
  const ad = AD_BEFORE_TEXT.exec(core);
  if (ad) return `add ${core.slice(ad[0].length)}`;
  const slip = WORD_SLIP_BEFORE_ME.exec(core);
  if (slip) return `${WORD_SLIPS[slip[1]!.toLowerCase()]}${core.slice(slip[1]!.length)}`;
  const chat = CHAT_SPELLING.exec(core);
  if (chat) return `${CHAT_SPELLINGS[chat[1]!.toLowerCase()]}${core.slice(chat[0].length)}`;
  const first = /^[a-z]+/i.exec(core)?.[0];
  if (!first || first.length < 3) return undefined;
  const lower = first.toLowerCase();
  const close =
    lower.length >= 5
      ? (closestWord(lower, TYPO_VERBS, 1) ??
        closestWord(lower, NEAR_VERBS, 1) ??
        TYPO_VERBS.find((v) => v !== lower && sameLetters(v, lower) && editDistance(v, lower, 2) <= 2))
      : undefined;
  const held =
    lower.length >= 3
      ? REPEAT_VERBS.find((v) => v !== lower && collapseRuns(v) === collapseRuns(lower))
      : undefined;
  const swapped =
    close ??
    held ??
    FOUR_LETTER_VERBS.find((v) => isNearShortVerb(lower, v)) ??
    CLIPPED_VERBS.find((v) => lower.length >= 3 && v.length === lower.length + 1 && v.startsWith(lower)) ??
    VOWELLESS_VERBS.find((v) => isVowelless(lower, v)) ??
    SWAP_VERBS.find((v) => v !== lower && sameLetters(v, lower) && editDistance(v, lower, 1) <= 1);
  const rest = core.slice(first.length);
  if (swapped) return `${swapped}${rest}`;
  return isCreateTypo(lower) && MADE_AHEAD.test(rest) ? `create${rest}` : undefined;
}
