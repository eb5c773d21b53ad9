import type { PageRef } from '../confluence/types.js';
import { normalizeSpaceKey } from '../policy/space-keys.js';
import { editDistance } from './edit-distance.js';
import {
  mayOpenWithKeyLabel,
  mayOpenWithSpaceName,
  takeKeyLabel,
  takeLeadingWholeName,
} from './leading-space-name.js';
import type { Intent, OperationRequest, TitleSearchRef } from './types.js';

/** One space the bot may use, as Confluence names it (`{ key: 'HR', name: 'People & HR' }`). */
export interface NamedSpace {
  readonly key: string;
  readonly name: string;
}

/** Words before a space's name that say where ("in the IT & Operations space", "from HR's wiki"). */
const PREPOSITIONS = new Set(['in', 'on', 'from', 'inside', 'within']);
/** Words after a space's name that say it is a space. */
const MARKERS = new Set(['space', 'wiki', 'confluence']);
/** Page nouns after which "in|from <name>" names a space even without "space" or "wiki". */
const AFTER_PAGE_NOUN = new Set([
  'page',
  'pages',
  'doc',
  'docs',
  'document',
  'documents',
  'article',
  'articles',
]);
/**
 * Document nouns after which "of <name>" says whose space the page is in (non-native "the Architecture
 * Overview of Engineering", "the Release Notes of engineering"); "Head of Sales", "History of
 * Engineering" keep their words.
 */
const OF_AFTER_NOUN = new Set(
  'page pages doc docs document documents article articles guide guides guideline guidelines policy policies handbook handbooks runbook runbooks playbook playbooks overview notes process procedure checklist template templates faq manual rota calendar'.split(
    ' ',
  ),
);
/** Words between a space's name and its marker ("the people team space", "the engineering team's wiki"): not the name. */
const GROUP_WORDS = new Set(['team', 'teams', 'department', 'dept', 'group', 'folks']);
const ARTICLES = new Set(['the', 'our']);
/** Words after "the sales space" that introduce the topic of a search ("… for contoso renewal"). */
const TOPIC_WORDS = new Set(['for', 'about', 'on', 'regarding']);
/** Words of space names that never name one space on their own (also used by `readSpaceName`). */
export const COMMON_NAME_WORDS = new Set([
  'and',
  'of',
  'the',
  'for',
  'a',
  'an',
  'our',
  'team',
  'teams',
  'space',
  'wiki',
  'home',
  'department',
  'dept',
  'group',
  'general',
  // the product the space lives in ("the HR confluence space")
  'confluence',
  // whose space ("in my personal space"): the user's own space, whose key the words do not give
  'my',
  'your',
  'own',
  'personal',
  'private',
]);
/** Most words a space's name may have in a phrase (the phrase is read from the last few words only). */
const MAX_NAME_WORDS = 6;
/** Words of a message's end searched for "in <space>" (preposition, article, name, marker). */
const MAX_TAIL_WORDS = MAX_NAME_WORDS + 3;
/** Words left at the end of a page name once its space is taken off ("the Holiday Calendar page"). */
const PAGE_NOUN = /\s+(?:page|doc|document|article)$/i;

interface Chunk {
  readonly text: string;
  readonly start: number;
}

/** Whitespace-separated chunks of `text` with their offsets (one forward pass). */
function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const match of text.matchAll(/\S+/g)) chunks.push({ text: match[0], start: match.index });
  return chunks;
}

/** A name's words, lower-cased, `&` read as "and" ("IT & Operations" = "it and operations"). */
function nameWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replaceAll('&', ' and ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_NAME_WORDS * 4);
}

const AMBIGUOUS = '';

/** Keys, whole names and distinctive name words of a directory; a word or name two spaces share maps to AMBIGUOUS. */
interface SpaceIndex {
  readonly keys: Map<string, string>;
  readonly names: Map<string, string>;
  readonly words: Map<string, string>;
  /** The distinctive words of the spaces' own names only (no department's other words). */
  readonly ownWords: ReadonlyMap<string, string>;
}

function indexSpaces(spaces: readonly NamedSpace[]): SpaceIndex {
  const keys = new Map<string, string>();
  const names = new Map<string, string>();
  const words = new Map<string, string>();
  const add = (map: Map<string, string>, entry: string, key: string): void => {
    const seen = map.get(entry);
    map.set(entry, seen === undefined || seen === key ? key : AMBIGUOUS);
  };
  for (const space of spaces) {
    const key = normalizeSpaceKey(space.key);
    if (key === undefined) continue;
    keys.set(key, key);
    const nameParts = nameWords(space.name);
    if (nameParts.length === 0) continue;
    add(names, nameParts.join(' '), key);
    for (const word of new Set(nameParts)) {
      if (word.length >= 2 && !COMMON_NAME_WORDS.has(word)) add(words, word, key);
    }
  }
  const ownWords = new Map(words);
  // "in Human Resources" for "People & HR": a department's other words name the space its usual words name.
  for (const group of DEPARTMENT_WORDS) {
    const named = new Set(group.map((word) => words.get(word) ?? keys.get(word.toUpperCase())));
    named.delete(undefined);
    if (named.size !== 1) continue;
    const key = [...named][0]!;
    if (key === AMBIGUOUS) continue;
    for (const word of group) if (!words.has(word) && !keys.has(word.toUpperCase())) words.set(word, key);
  }
  return { keys, names, words, ownWords };
}

/**
 * Words people use for the same department, lower case: a word of a group names the one space whose
 * name or key holds another word of that group ("resources" → "People & HR"). Only when exactly one
 * space of the directory matches the group, and never over a word a space's own name holds. Data.
 */
const DEPARTMENT_WORDS: readonly (readonly string[])[] = [
  ['hr', 'people', 'resources', 'personnel'],
  ['ops', 'operations', 'it', 'infra', 'infrastructure'],
  ['eng', 'engineering', 'engineers', 'dev', 'devs', 'developers', 'development'],
  ['legal', 'law', 'counsel'],
  ['sales', 'commercial'],
];

const ALL_DEPARTMENT_WORDS: ReadonlySet<string> = new Set(DEPARTMENT_WORDS.flat());

/** {@link DEPARTMENT_WORDS} as a regular-expression alternation, for patterns that read a department's word in place. */
export const DEPARTMENT_WORD_SOURCE = [...ALL_DEPARTMENT_WORDS].join('|');

/** True when `word` (any case) is one of {@link DEPARTMENT_WORDS}: a word people use to name a department ("eng", "people", "legal"). */
export function isDepartmentWord(word: string): boolean {
  return ALL_DEPARTMENT_WORDS.has(word.toLowerCase());
}

/**
 * The words of {@link DEPARTMENT_WORDS} after each group's first (its usual key: "hr", "ops", "eng"):
 * typed in capitals ("in IT", "in DEV"), one is still a department's name, not necessarily a key.
 */
const DEPARTMENT_ALIASES: ReadonlySet<string> = new Set(DEPARTMENT_WORDS.flatMap((group) => group.slice(1)));

/** How a phrase named a space: by its key, its whole name, or one distinctive word of the name. */
type NameMatch = { readonly key: string; readonly by: 'key' | 'name' | 'word' | 'words' };

/** The space `phrase` names in the directory, if exactly one. */
function spaceNamed(phrase: string, index: SpaceIndex): NameMatch | undefined {
  const trimmed = phrase.trim();
  if (!/\s/.test(trimmed)) {
    const key = normalizeSpaceKey(trimmed);
    if (key !== undefined && index.keys.has(key)) return { key, by: 'key' };
  }
  const words = nameWords(trimmed);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
  const byName = index.names.get(words.join(' '));
  if (byName !== undefined) return byName === AMBIGUOUS ? undefined : { key: byName, by: 'name' };
  if (words.length !== 1) return wordsAgree(words, index);
  const byWord = index.words.get(words[0]!) ?? keyNearWord(words[0]!, index);
  return byWord === undefined || byWord === AMBIGUOUS ? undefined : { key: byWord, by: 'word' };
}

/** Shortest stem of another form of a name word ("engineer" → "engineering"). */
const MIN_STEM = 6;
/** Shortest word read with a slip ("slaes", "legel"): shorter words must be typed right. */
const MIN_SLIPPED_WORD = 5;

/**
 * The space whose distinctive name word is one slip from `word` (a letter wrong, left out, added or
 * two swapped: "enginering", "poeple", "operatoins", "slaes") or another form of it ("engineers",
 * "engineer": a stem of six letters or more that starts it), when exactly one space has such a word.
 * Only words of the directory are candidates, so a name outside it is still never resolved.
 */
function keyNearWord(word: string, index: SpaceIndex): string | undefined {
  if (word.length < MIN_SLIPPED_WORD || word.length > 40) return undefined;
  let found: string | undefined;
  // "engineers", "engineer" for "engineering": the word's stem (six letters or more) starts the name word.
  const stem = word.replace(/(?:ers|er|s)$/, '');
  for (const [entry, key] of index.words) {
    if (entry.length < MIN_SLIPPED_WORD || key === AMBIGUOUS) continue;
    const sameStem = stem.length >= MIN_STEM && stem !== word && entry.startsWith(stem);
    if (!sameStem && editDistance(word, entry, 1) > 1) continue;
    if (found !== undefined && found !== key) return undefined;
    found = key;
  }
  return found;
}

/**
 * "IT ops", "people hr": several words that each name the same one space, by a distinctive word of its
 * name or by its key ("ops" = OPS), "and" aside. Any other word ("the", a word of no name) → undefined.
 */
function wordsAgree(words: readonly string[], index: SpaceIndex): NameMatch | undefined {
  let agreed: string | undefined;
  let count = 0;
  for (const word of words) {
    if (word === 'and') continue;
    const key =
      index.words.get(word) ?? index.keys.get(normalizeSpaceKey(word) ?? '') ?? keyNearWord(word, index);
    if (key === undefined || key === AMBIGUOUS || (agreed !== undefined && key !== agreed)) return undefined;
    agreed = key;
    count += 1;
  }
  // Two words or more that agree are as good as the whole name ("from IT ops"); one is only a word.
  return agreed === undefined ? undefined : { key: agreed, by: count >= 2 ? 'words' : 'word' };
}

/** A possible "in [the] <name>['s] [space|wiki]" at the end of a text: where it starts and what it holds. */
interface TailPhrase {
  /** Offset of the preposition: the text before it is what remains. */
  readonly start: number;
  /** The words that may name a space (article, possessive and marker taken off). */
  readonly name: string;
  /** The user said it is a space ("space", "wiki" or a possessive). */
  readonly marked: boolean;
}

function stripPossessive(word: string): { word: string; possessive: boolean } {
  const match = /^(.+?)(?:['’]s|['’])$/i.exec(word);
  return match ? { word: match[1]!, possessive: true } : { word, possessive: false };
}

/**
 * Every shape of "in|on|from [the] <words>['s] [space|wiki]" ending `text`, nearest the end first.
 * Reads only the last {@link MAX_TAIL_WORDS} chunks; something must remain before the preposition.
 */
function tailPhrases(text: string): TailPhrase[] {
  const chunks = chunksOf(text).slice(-(MAX_TAIL_WORDS + 1));
  const fullStart = chunks.length > 0 ? chunks[0]!.start : 0;
  const phrases: TailPhrase[] = [];
  for (let at = chunks.length - 2; at >= 0; at -= 1) {
    const before = at > 0 ? chunks[at - 1]!.text.toLowerCase() : '';
    const of = chunks[at]!.text.toLowerCase() === 'of';
    const ofNoun = of && OF_AFTER_NOUN.has(before);
    if (!PREPOSITIONS.has(chunks[at]!.text.toLowerCase()) && !of) continue;
    if (at === 0 && text.slice(0, fullStart).trim() === '') continue;
    const words = chunks.slice(at + 1).map((chunk) => chunk.text);
    const last = words.length - 1;
    words[last] = words[last]!.replace(/[?!.,;:]+$/, '');
    if (words[last] === '') words.pop();
    // "the Team Rituals page from Engineering": after a page noun, "from <name>" says where the page is.
    let marked = ofNoun || (at > 0 && AFTER_PAGE_NOUN.has(before));
    if (words.length > 1 && MARKERS.has(words.at(-1)!.toLowerCase())) {
      words.pop();
      marked = true;
    }
    if (words.length > 0) {
      const { word, possessive } = stripPossessive(words.at(-1)!);
      words[words.length - 1] = word;
      marked ||= possessive;
    }
    // "of" says where only after a document noun or before "space" ("the Team Rituals of the Engineering space").
    if (of && !marked) continue;
    if (marked && words.length > 1 && GROUP_WORDS.has(words.at(-1)!.toLowerCase())) words.pop();
    if (words.length > 1 && ARTICLES.has(words[0]!.toLowerCase())) words.shift();
    if (words.length === 0 || words.length > MAX_NAME_WORDS) continue;
    phrases.push({ start: chunks[at]!.start, name: words.join(' '), marked });
  }
  const bare = bareMarkedSpace(chunks);
  if (bare) phrases.push(bare);
  return phrases;
}

/**
 * "fire drill schedule ops space", "leave policy HR wiki": one word and its marker at the end, with no
 * preposition or article before them (those are read as "in the ops space" above).
 */
function bareMarkedSpace(chunks: readonly Chunk[]): TailPhrase | undefined {
  const marker = chunks
    .at(-1)
    ?.text.toLowerCase()
    .replace(/[?!.,;:]+$/, '');
  const name = chunks.at(-2);
  const before = chunks.at(-3)?.text.toLowerCase();
  if (marker === undefined || !MARKERS.has(marker) || !name || before === undefined) return undefined;
  if (PREPOSITIONS.has(before) || ARTICLES.has(before) || before === 'of') return undefined;
  return { start: name.start, name: stripPossessive(name.text).word, marked: true };
}

/** Could this tail phrase name a space? Marked, or several words (a whole name such as "IT & Operations"). */
function isCandidate(phrase: TailPhrase): boolean {
  return phrase.marked || nameWords(phrase.name).length >= 2;
}

/**
 * "vpn in Engineering", "leave policy in Operations", "team rituals in Engineering": one capitalised word
 * after "in" at the end of words typed in lower case is a proper name, so a space ("Diversity in
 * Engineering", typed as a title, keeps its words).
 */
function isProperNameTail(text: string, phrase: TailPhrase): boolean {
  return (
    !phrase.marked &&
    /^[A-Z][a-z]+$/.test(phrase.name) &&
    /^in\s/i.test(text.slice(phrase.start)) &&
    !/[A-Z]/.test(text.slice(0, phrase.start))
  );
}

/**
 * "the page Local Development Setup from Engineering", "Trademark Guidelines from Legal": on a page name
 * only, one capitalised word after "from" at its end says where the page comes from, so a space of the
 * directory named by that word (never a person's: "from Jane" is someone who sent it). A department's
 * word counts in lower case too ("the page local development setup from engineering"). "in" keeps its
 * words ("Diversity in Engineering" is a title).
 */
function isFromNameTail(text: string, phrase: TailPhrase): boolean {
  const word =
    /^[A-Z][a-z]+$/.test(phrase.name) || (/^[a-z]+$/.test(phrase.name) && isDepartmentWord(phrase.name));
  return !phrase.marked && word && /^from\s/i.test(text.slice(phrase.start));
}

/**
 * "kafka on eng": on search words only, one short word in lower case after "on" at the end, which the
 * parser leaves in the words ("policy on pets" is a topic); it names a space only as a key of the directory.
 */
function isKeyAfterOn(text: string, phrase: TailPhrase): boolean {
  return (
    !phrase.marked && /^[a-z][a-z0-9]{1,5}$/.test(phrase.name) && /^on\s/i.test(text.slice(phrase.start))
  );
}

/** Shortest word of a space's name read in lower case after "in" at the end of search words ("in people"). */
const MIN_LOWER_NAME_WORD = 6;

/**
 * "release notes in engineering", "onboarding in people": on search words only, one word in lower case
 * after "in" at the end that could be a word of a space's own name (never its key, which the parser reads,
 * nor a department's other word: "bugs in development" keeps its words). The caller checks the directory.
 */
function isLowerNameTail(text: string, phrase: TailPhrase): boolean {
  return (
    !phrase.marked &&
    phrase.name.length >= MIN_LOWER_NAME_WORD &&
    /^[a-z]+$/.test(phrase.name) &&
    /^in\s/i.test(text.slice(phrase.start))
  );
}

/** The space whose own name holds `word` as typed in lower case, when it is no key (see {@link isLowerNameTail}). */
function spaceOfOwnWord(word: string, index: SpaceIndex): string | undefined {
  const key = index.ownWords.get(word);
  return key === undefined || key === AMBIGUOUS || index.keys.has(word.toUpperCase()) ? undefined : key;
}

/** The text without a trailing space phrase that names one space of the directory, and that space's key. */
function takeTailSpace(
  text: string,
  index: SpaceIndex,
  search = false,
): { rest: string; key: string } | undefined {
  for (const phrase of tailPhrases(text)) {
    const lowerName =
      search && isLowerNameTail(text, phrase) ? spaceOfOwnWord(phrase.name, index) : undefined;
    const before = text.slice(0, phrase.start).trimEnd();
    if (lowerName !== undefined && before !== '') return { rest: before, key: lowerName };
    // "team rituals in Engineering": on a page name too, a capitalised word after words in lower case is a space.
    const proper = isProperNameTail(text, phrase) || (!search && isFromNameTail(text, phrase));
    const keyOn = search && isKeyAfterOn(text, phrase);
    if (!isCandidate(phrase) && !proper && !keyOn) continue;
    const match = spaceNamed(phrase.name, index);
    if (match === undefined || (keyOn && !isCandidate(phrase) && !proper && match.by !== 'key')) continue;
    // A person's first name alone ("in Jane") is no space of theirs unless marked ("in Jane's space").
    if (!phrase.marked && match.by === 'word' && (!proper || match.key.startsWith('~'))) continue;
    const rest = text.slice(0, phrase.start).trimEnd();
    if (rest !== '') return { rest, key: match.key };
  }
  return undefined;
}

/** A leading "[in] [the] <name>['s] space|wiki for|about|on <topic>" of search words: the name and where the topic starts. */
function leadingPhrase(text: string): { name: string; topicStart: number } | undefined {
  const chunks = chunksOf(text.slice(0, 400)).slice(0, MAX_NAME_WORDS + 4);
  let first = 0;
  if (chunks[first] && PREPOSITIONS.has(chunks[first]!.text.toLowerCase())) first += 1;
  if (chunks[first] && ARTICLES.has(chunks[first]!.text.toLowerCase())) first += 1;
  for (let marker = first + 1; marker < chunks.length && marker - first <= MAX_NAME_WORDS; marker += 1) {
    // "the engineering confluence space for …": two markers in a row count as one.
    if (
      MARKERS.has(chunks[marker]?.text.toLowerCase() ?? '') &&
      MARKERS.has(chunks[marker + 1]?.text.toLowerCase().replace(/:$/, '') ?? '')
    )
      chunks.splice(marker, 1);
    const markerWord = chunks[marker]?.text.toLowerCase() ?? '';
    // "the engineering space: api versioning": a colon after the marker introduces the topic.
    const colon = markerWord.endsWith(':') && MARKERS.has(markerWord.slice(0, -1));
    if (!MARKERS.has(markerWord) && !colon) continue;
    // "the engineering space kafka": with no topic word, the topic starts right after the marker.
    const worded = TOPIC_WORDS.has(chunks[marker + 1]?.text.toLowerCase() ?? '');
    const topic = colon || !worded ? chunks[marker + 1] : chunks[marker + 2];
    if (!topic) return undefined;
    const words = chunks.slice(first, marker).map((chunk) => chunk.text);
    words[words.length - 1] = stripPossessive(words.at(-1)!).word;
    if (words.length > 1 && GROUP_WORDS.has(words.at(-1)!.toLowerCase())) words.pop();
    return { name: words.join(' '), topicStart: topic.start };
  }
  return undefined;
}

/** Words after an unmarked space name that introduce the topic ("search legal for trademark"). */
const UNMARKED_TOPIC_WORDS = new Set(['for', 'about', 'on', 'regarding']);
/**
 * Document nouns after a space's name that say the pages are that space's ("the sales pages about
 * pricing", "ops docs for printers", "any legal docs on NDAs"): the name is a space, the noun no topic.
 */
const SPACE_PAGE_NOUNS = new Set([
  'pages',
  'docs',
  'documents',
  'documentation',
  'articles',
  'page',
  'doc',
  'stuff',
  'things',
  'info',
  'content',
]);

/**
 * "search legal for trademark", "search engineering for kafka", "look in hr for parental leave", "the
 * sales pages about pricing": search words that open with a few words (and a document noun), then
 * "for"/"about"/"on", then the topic; or one word said as where ("hr: …", "HR's …", "in hr …"). The
 * words name a space only when they are a key, a whole space name or words that all agree on one
 * (checked by the caller), never one word of a name.
 */
function leadingUnmarkedPhrases(text: string): { name: string; topicStart: number; oneWordNames: boolean }[] {
  const chunks = chunksOf(text.slice(0, 400)).slice(0, MAX_NAME_WORDS + 4);
  let first = 0;
  const placed = chunks[0] !== undefined && PREPOSITIONS.has(chunks[0].text.toLowerCase());
  if (placed) first += 1;
  if (chunks[first] && ARTICLES.has(chunks[first]!.text.toLowerCase())) first += 1;
  const head = chunks[first];
  if (!head) return [];
  const phrases: { name: string; topicStart: number; oneWordNames: boolean }[] = [];
  for (let at = first + 1; at < chunks.length - 1 && at - first <= MAX_NAME_WORDS; at += 1) {
    const word = chunks[at]!.text.toLowerCase();
    // "the sales pages about pricing": a document noun between the name and the topic word.
    const noun =
      SPACE_PAGE_NOUNS.has(word) && UNMARKED_TOPIC_WORDS.has(chunks[at + 1]?.text.toLowerCase() ?? '');
    if (!UNMARKED_TOPIC_WORDS.has(word) && !noun) continue;
    const topic = chunks[noun ? at + 2 : at + 1];
    if (topic)
      phrases.push({
        name: chunks
          .slice(first, at)
          .map((chunk) => chunk.text)
          .join(' '),
        topicStart: topic.start,
        oneWordNames: placed,
      });
    break;
  }
  // "hr: parental leave", "HR's parental leave", "in hr parental leave": one word, said as where.
  const said = /^(.+?)(?::|['’]s)$/.exec(head.text);
  const next = chunks[first + 1];
  if ((said || placed) && next && !MARKERS.has(next.text.toLowerCase().replace(/[?!.,;:]+$/, '')))
    // "Operations: anything on the rota" as a label: one word of a name said before a colon names its space.
    phrases.push({
      name: said ? said[1]! : head.text,
      topicStart: next.start,
      oneWordNames: said !== null && head.text.endsWith(':'),
    });
  return phrases;
}

/**
 * "(search Sales for) anything about renewals", "(HR for) docs on probation": a vague noun and its
 * preposition left before the topic once a space named first is taken off (the parser could not tell
 * the name was a space, so it kept them). Kept as data; one anchored match.
 */
const VAGUE_LEAD =
  /^(?:(?:any|some|the|all)\s+)?(?:anything|something|smth|stuff|things|info|information|pages?|docs?|documents?|documentation|articles?)\s+(?:about|on|regarding|re|related\s+to|concerning|mentioning|covering)\s+(?=\S)/i;

/** The topic without a vague noun before it (see {@link VAGUE_LEAD}); unchanged when nothing else is left. */
function withoutVagueLead(topic: string): string {
  const lead = VAGUE_LEAD.exec(topic);
  return lead ? topic.slice(lead[0].length) : topic;
}

function takeLeadingSpace(text: string, index: SpaceIndex): { rest: string; key: string } | undefined {
  const phrase = leadingPhrase(text);
  const match = phrase ? spaceNamed(phrase.name, index) : undefined;
  if (phrase && match) return { rest: text.slice(phrase.topicStart).trim(), key: match.key };
  if (phrase) return undefined;
  for (const unmarked of leadingUnmarkedPhrases(text)) {
    const named = spaceNamed(unmarked.name, index);
    // Only a key, a whole name or words that all agree ("IT and Ops"): "search people for …" is no space;
    // after "in" or before a colon, one word of a name is ("anything in operations on the rota", "People: X").
    if (named && named.key !== AMBIGUOUS && (named.by !== 'word' || unmarked.oneWordNames))
      return { rest: text.slice(unmarked.topicStart).trim(), key: named.key };
  }
  return takeLeadingKeyOfSearch(text, index);
}

/**
 * "(search) OPS backup retention", "(find) the HR parental leave policy": search words that open with a
 * key of the directory typed in capitals, then the topic. Only a key typed so ("VPN setup", "SSO config"
 * keep their words: no space has that key; "hr onboarding" keeps "hr", a topic's word as often as a key).
 */
function takeLeadingKeyOfSearch(text: string, index: SpaceIndex): { rest: string; key: string } | undefined {
  const lead = leadingWord(text);
  if (!lead || lead.marked || !CAPITAL_KEY.test(lead.word) || !index.keys.has(lead.word)) return undefined;
  return { rest: text.slice(lead.restStart).trim(), key: lead.word };
}

/** A break before a key at the end of search words ("kafka lag - ENG", "onboarding / HR"). */
const KEY_BREAK = /^[-–—/|]$/;

/**
 * The last word of search words when it is a key typed in capitals after a spaced dash or slash
 * ("kafka lag - ENG", "search: kafka / ENG"), with where the words before the break end; else undefined.
 * Only the last few characters are read.
 */
function keyAfterBreak(text: string): { word: string; restEnd: number } | undefined {
  const chunks = chunksOf(text.slice(-40));
  const key = chunks.at(-1)?.text.replace(/[.!?]+$/, '') ?? '';
  const separator = chunks.at(-2);
  if (chunks.length < 3 || !CAPITAL_KEY.test(key) || !separator || !KEY_BREAK.test(separator.text))
    return undefined;
  return { word: key, restEnd: Math.max(0, text.length - 40) + separator.start };
}

/** The search words without a key of the directory after a break at their end (see {@link keyAfterBreak}). */
function takeKeyAfterBreak(text: string, index: SpaceIndex): { rest: string; key: string } | undefined {
  const found = keyAfterBreak(text);
  if (!found || !index.keys.has(found.word)) return undefined;
  const rest = text.slice(0, found.restEnd).trim();
  return rest === '' ? undefined : { rest, key: found.word };
}

/** Longest key typed in lower case read as a key before a page name ("hr", "eng", "ops"; "sales" is a word). */
const MAX_LOWER_KEY = 3;
/** Words a key typed in lower case may never be ("it" is a pronoun before it is the IT space). */
const NEVER_LOWER_KEY = new Set([
  'it',
  'me',
  'us',
  'we',
  'my',
  'a',
  'an',
  'the',
  'our',
  'to',
  'of',
  'on',
  'in',
]);

/**
 * How a page name starts, read without the directory: its first word (after "the"/"our"), whether it
 * is said to be a space ("hr's", "the HR space …", "the engineering wiki …") and where the rest starts.
 */
function leadingWord(
  text: string,
): { word: string; marked: boolean; restStart: number; titled: boolean } | undefined {
  const chunks = chunksOf(text.slice(0, 400)).slice(0, 4);
  const first = chunks[0] && ARTICLES.has(chunks[0].text.toLowerCase()) ? 1 : 0;
  const head = chunks[first];
  if (!head) return undefined;
  const { word, possessive } = stripPossessive(head.text);
  const marker = !possessive && MARKERS.has(chunks[first + 1]?.text.toLowerCase() ?? '');
  const rest = chunks[first + (marker ? 2 : 1)];
  // "the HR page": the rest must name something besides a page noun.
  if (!rest || /^(?:page|doc|document|article|pages|docs)[\s?!.]*$/i.test(text.slice(rest.start)))
    return undefined;
  return {
    word,
    marked: possessive || marker,
    restStart: rest.start,
    titled: /^[\p{Lu}\p{N}]/u.test(rest.text),
  };
}

/** A key typed in capitals ("OPS", "ENG"). */
const CAPITAL_KEY = /^[A-Z][A-Z0-9]{1,9}$/;

/**
 * True when `word` as typed may be a space key before a page name: in capitals ("OPS incident runbooks",
 * "ENG Testing Strategy"; only a key of the directory counts, so in "VPN Setup Guide" the capitals stay the
 * title's), a short key in lower case ("hr onboarding"), or a key written as a name before words in lower
 * case ("the Legal trademark guidelines"; "the Sales Playbook" keeps its word).
 */
function typedLikeKey(word: string, restTitled = true): boolean {
  if (CAPITAL_KEY.test(word)) return true;
  // "the Legal trademark guidelines": a key written as a name (capital first) before words all in lower case.
  if (!restTitled && /^\p{Lu}\p{Ll}{1,9}$/u.test(word)) return true;
  return /^[a-z]{2,}$/.test(word) && word.length <= MAX_LOWER_KEY && !NEVER_LOWER_KEY.has(word);
}

/**
 * For the cheap check: a key in capitals before a title in capitals ("in ENG Testing Strategy replace …")
 * may be a space only when a link word stands right before it in the message; "open the VPN Setup Guide"
 * names no space and costs no directory look-up. One pass over `typed` per occurrence of the word.
 */
function keyAfterLinkWord(word: string, titled: boolean, typed: string): boolean {
  if (!CAPITAL_KEY.test(word)) return false;
  if (!titled) return true;
  for (let at = typed.indexOf(word); at >= 0; at = typed.indexOf(word, at + 1)) {
    if (
      /(?:^|\s)(?:in|on|to|into|onto|from|for|within|inside)\s+$/i.test(typed.slice(Math.max(0, at - 12), at))
    )
      return true;
  }
  return false;
}

/**
 * "OPS incident runbooks", "hr onboarding", "hr's paid time off", "the engineering space Testing
 * Strategy": a page name that starts with a space of the directory, by its key typed like one
 * (capitals, or a short key in lower case) or by a key or name said to be a space (possessive, or
 * "space"/"wiki" after it). The words after it are the name. Titles that start with a word of a
 * space's name ("Engineering Handbook", "Sales Playbook") keep it: only keys, or names said as spaces.
 */
function takeLeadingSpaceOfName(text: string, index: SpaceIndex): { rest: string; key: string } | undefined {
  const lead = leadingWord(text);
  if (!lead) return undefined;
  const key = normalizeSpaceKey(lead.word);
  const byKey =
    key !== undefined && index.keys.has(key) && typedLikeKey(lead.word, lead.titled) ? key : undefined;
  const found = byKey ?? (lead.marked ? spaceNamed(lead.word, index)?.key : undefined);
  return found === undefined || found === AMBIGUOUS
    ? undefined
    : { rest: text.slice(lead.restStart).trim(), key: found };
}

/**
 * "onboarding in the People &" with space HR: the words end with the start of the space's own name
 * ("People & HR"), which the parser split at the key. Returns the words without it.
 */
function takeSplitName(text: string, key: string, spaces: readonly NamedSpace[]): string | undefined {
  if (!/(?:&|\band)$/i.test(text)) return undefined;
  const space = spaces.find((entry) => normalizeSpaceKey(entry.key) === key);
  if (!space) return undefined;
  const full = nameWords(space.name).join(' ');
  for (const phrase of tailPhrases(text)) {
    if (nameWords(`${phrase.name} ${key}`).join(' ') === full) {
      const rest = text.slice(0, phrase.start).trimEnd();
      if (rest !== '') return rest;
    }
  }
  return undefined;
}

/** A parsed key that is not a key of the directory but names one of its spaces ("ENGINEERING" → ENG). */
function keyForName(parsed: string, index: SpaceIndex): string {
  if (parsed.startsWith('~') || index.keys.has(parsed)) return parsed;
  return spaceNamed(parsed, index)?.key ?? parsed;
}

function nameRef(ref: PageRef, index: SpaceIndex): PageRef {
  if (ref.kind !== 'title') return ref;
  const spaceKey = keyForName(ref.spaceKey, index);
  return spaceKey === ref.spaceKey ? ref : { ...ref, spaceKey };
}

/** A page name given in quotes (`"VPN Setup Guide"`) without them; anything else unchanged. */
function unquote(words: string): string {
  const match = /^(["“'‘])([^"“”'‘’]+)(["”'’])$/.exec(words);
  return match ? match[2]!.trim() || words : words;
}

function nameTitleSearch(
  ref: TitleSearchRef,
  index: SpaceIndex,
  spaces: readonly NamedSpace[],
): TitleSearchRef {
  if (ref.spaceKey !== undefined) {
    const spaceKey = keyForName(ref.spaceKey, index);
    const words = takeSplitName(ref.words, spaceKey, spaces) ?? ref.words;
    return spaceKey === ref.spaceKey && words === ref.words ? ref : { ...ref, words, spaceKey };
  }
  const taken =
    takeTailSpace(ref.words, index) ??
    takeLeadingSpaceOfName(ref.words, index) ??
    takeLeadingWholeName(ref.words, spaces) ??
    takeKeyLabel(ref.words, spaces);
  if (!taken) return ref;
  const words = unquote(taken.rest).replace(PAGE_NOUN, '');
  return { ...ref, words: words === '' ? taken.rest : words, spaceKey: taken.key };
}

function nameOperation(
  request: OperationRequest,
  index: SpaceIndex,
  spaces: readonly NamedSpace[],
): OperationRequest {
  switch (request.operation) {
    case 'search': {
      if (request.spaceKey !== undefined) {
        const spaceKey = keyForName(request.spaceKey, index);
        const words = takeSplitName(request.words, spaceKey, spaces) ?? request.words;
        return spaceKey === request.spaceKey && words === request.words
          ? request
          : { ...request, words, spaceKey };
      }
      const tail = takeTailSpace(request.words, index, true) ?? takeKeyAfterBreak(request.words, index);
      const lead = tail ? undefined : takeLeadingSpace(request.words, index);
      const taken = tail ?? (lead ? { ...lead, rest: withoutVagueLead(lead.rest) } : undefined);
      return taken ? { ...request, words: taken.rest, spaceKey: taken.key } : request;
    }
    case 'get': {
      const ref = nameRef(request.ref, index);
      return ref === request.ref ? request : { ...request, ref };
    }
    case 'create': {
      const spaceKey = keyForName(request.spaceKey, index);
      const parent = request.parent ? nameRef(request.parent, index) : undefined;
      return spaceKey === request.spaceKey && parent === request.parent
        ? request
        : { ...request, spaceKey, ...(parent ? { parent } : {}) };
    }
    case 'update': {
      const ref = nameRef(request.ref, index);
      return ref === request.ref ? request : { ...request, ref };
    }
  }
}

/**
 * Resolves spaces named in words to their keys, given the directory of spaces the bot may use here
 * (never any other: a name outside it is left as parsed, so it cannot widen access). Two things:
 * a parsed key that is no key of the directory but names one of its spaces, by its whole name or one
 * distinctive word of it ("ENGINEERING" → Engineering → ENG; "PEOPLE" → "People & HR" → HR; a word
 * two names share is ambiguous and left alone); and, when the request named no space, a trailing
 * "in|on|from [the] <name|key>['s] [space|wiki]" on a search's words or a page name (or a leading
 * "the <name> space for …" on a search) that names one of its spaces, taken off the words. Without
 * "space", "wiki" or a possessive, only a whole name of several words counts ("in the IT &
 * Operations"), so titles such as "Diversity in Engineering" keep their words. Anything else is
 * returned exactly as parsed (a wrong key still fails closed later). Pure; reads only the last few
 * words of a text, so the work is bounded by the directory size.
 */
export function nameSpaces(intent: Intent, spaces: readonly NamedSpace[]): Intent {
  if (intent.kind !== 'operation' && intent.kind !== 'page-by-name') return intent;
  const index = indexSpaces(spaces);
  if (intent.kind === 'operation') {
    const request = nameOperation(intent.request, index, spaces);
    return request === intent.request ? intent : { ...intent, request };
  }
  const ref = nameTitleSearch(intent.request.ref, index, spaces);
  return ref === intent.request.ref ? intent : { ...intent, request: { ...intent.request, ref } };
}

/** After a key in a message: the user called it a space ("IT space", "IT's wiki"), so it may be a name. */
const SAID_SPACE = /^(?:['’]s)?\s{1,8}(?:space|wiki)\b|^['’]s\b/i;

/**
 * True when `key` stands in `typed` as a bare whole word written exactly so: people type keys in
 * capitals (`in LEGAL`). "the IT space" is not bare: a department's acronym may be a name's word.
 */
function typedAsKey(typed: string, key: string): boolean {
  // "anything on laptops in IT": a department's other word typed in capitals names a space whose key differs (OPS).
  if (DEPARTMENT_ALIASES.has(key.toLowerCase())) return false;
  const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}~]/u.test(char);
  for (let at = typed.indexOf(key); at >= 0; at = typed.indexOf(key, at + 1)) {
    const end = at + key.length;
    if (isWordChar(typed[at - 1]) || isWordChar(typed[end])) continue;
    if (!SAID_SPACE.test(typed.slice(end, end + 16))) return true;
  }
  return false;
}

function spaceKeysOf(intent: Intent): string[] {
  const refKey = (ref: PageRef | undefined): string[] => (ref?.kind === 'title' ? [ref.spaceKey] : []);
  if (intent.kind === 'page-by-name') return intent.request.ref.spaceKey ? [intent.request.ref.spaceKey] : [];
  if (intent.kind !== 'operation') return [];
  const request = intent.request;
  switch (request.operation) {
    case 'search':
      return request.spaceKey ? [request.spaceKey] : [];
    case 'get':
    case 'update':
      return refKey(request.ref);
    case 'create':
      return [request.spaceKey, ...refKey(request.parent)];
  }
}

/** The words `nameSpaces` may take a space phrase off, when the request named no space. */
function spacelessWords(intent: Intent): string | undefined {
  if (intent.kind === 'page-by-name') {
    return intent.request.ref.spaceKey === undefined ? intent.request.ref.words : undefined;
  }
  if (intent.kind === 'operation' && intent.request.operation === 'search') {
    return intent.request.spaceKey === undefined ? intent.request.words : undefined;
  }
  return undefined;
}

/** Words of a request that has a space and that end like the start of a name ("onboarding in the People &"). */
function hasSplitName(intent: Intent): boolean {
  const words =
    intent.kind === 'page-by-name'
      ? intent.request.ref.words
      : intent.kind === 'operation' && intent.request.operation === 'search'
        ? intent.request.words
        : '';
  return /(?:&|\band)$/i.test(words);
}

/**
 * The cheap check before any directory look-up: could `nameSpaces` change this intent? True when it
 * holds a space key that is neither one of `knownKeys` (keys the caller knows without asking
 * Confluence, e.g. the connector's list) nor written in `typed` (the message) exactly as the key —
 * people type keys in capitals (`in LEGAL`), names in words (`in the engineering space`) — or when a
 * request without a space ends with a phrase that may name one. Never true for admin commands,
 * questions or anything else. Reads only the ends of the words, and `typed` once per key.
 */
export function mentionsSpaceName(intent: Intent, typed: string, knownKeys: readonly string[] = []): boolean {
  const keys = spaceKeysOf(intent);
  if (keys.length > 0) {
    const known = new Set(knownKeys.map((key) => normalizeSpaceKey(key)));
    const unresolved = keys.some((key) => !key.startsWith('~') && !known.has(key) && !typedAsKey(typed, key));
    return unresolved || hasSplitName(intent);
  }
  const words = spacelessWords(intent);
  if (words === undefined) return false;
  const search = intent.kind === 'operation';
  const lead = leadingWord(words);
  const leadingSpace =
    lead !== undefined &&
    (search
      ? !lead.marked && CAPITAL_KEY.test(lead.word)
      : lead.marked ||
        (CAPITAL_KEY.test(lead.word)
          ? keyAfterLinkWord(lead.word, lead.titled, typed)
          : typedLikeKey(lead.word, lead.titled)));
  const tailed = tailPhrases(words).some(
    (phrase) =>
      isCandidate(phrase) ||
      isProperNameTail(words, phrase) ||
      (search ? isLowerNameTail(words, phrase) : isFromNameTail(words, phrase)),
  );
  return (
    tailed ||
    (search && keyAfterBreak(words) !== undefined) ||
    leadingPhrase(words) !== undefined ||
    leadingSpace ||
    (!search && (mayOpenWithSpaceName(words) || mayOpenWithKeyLabel(words))) ||
    (search && leadingUnmarkedPhrases(words).length > 0)
  );
}
