import { stemmer } from 'stemmer';
import { QUESTION_FILLER } from './question-filler.js';
import { americanSpelling } from './spelling-variants.js';
import { COMMON_WORDS, SYNONYM_GROUPS } from './workplace-vocabulary.js';

/** Weight of a word the person typed. */
const TYPED = 1;
/** Weight of a likely correction of a misspelt word (the typed word is kept too). */
const CORRECTED = 0.8;
/** Weight of a synonym, abbreviation or spelling variant from the vocabulary. */
const SYNONYM = 0.6;

/** Most words and phrases one question searches for (typed words first). */
export const MAX_SEARCH_TERMS = 24;
/** Most question words considered; the rest of a very long question is ignored. */
const MAX_QUESTION_WORDS = 40;
/** Longest phrase of the vocabulary, in words. */
const MAX_PHRASE_WORDS = 4;

/** A word or phrase to search for, with how much it counts in ranking. */
export interface SearchTerm {
  readonly text: string;
  readonly weight: number;
}

interface ConceptTerm extends SearchTerm {
  readonly concept: number;
}

/** A question ready to search: what was asked, what to search for, how each stem counts. */
export interface ExpandedQuery {
  /** The question's own subject words, lower-cased, in order (filler removed). */
  readonly keywords: readonly string[];
  /** Words and phrases to search Confluence for: typed ones first, then corrections and synonyms. */
  readonly terms: readonly SearchTerm[];
  /** Stem → weight for ranking passages (the highest weight of any term containing it). */
  readonly stemWeights: ReadonlyMap<string, number>;
  /** Stems of the words the person typed. */
  readonly typedStems: ReadonlySet<string>;
  /** Each subject of the question (a typed word or phrase) as the stems that stand for it: its own, its synonyms', a correction's. */
  readonly concepts: readonly ReadonlySet<string>[];
}

const FILLER = new Set(QUESTION_FILLER);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** "how does X work": the "work" only asks for an explanation. */
const HOW_DOES_IT_WORK = /\bhow (?:do|does|did)\b.*\bworks?\b/i;

/**
 * One word as ranking and matching see it: lower-cased, Latin accents removed, a possessive `'s`
 * dropped, British spelling made American, then Porter-stemmed (`rotations` → `rotat`). Words with
 * digits (`sev1`, `5xx`, `2025`) are kept as they are. Pure.
 */
export function stemWord(word: string): string {
  const plain = word
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]s?$/, '');
  const spelled = americanSpelling(plain);
  return /^[a-z]+$/.test(spelled) && spelled.length > 2 ? stemmer(spelled) : spelled;
}

/** The stems of every word in `text` (hyphenated and dotted words count by their parts), in order. */
export function stemsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map(stemWord);
}

interface GroupPhrase {
  readonly group: number;
  readonly stems: readonly string[];
}

/** Vocabulary phrases by their first stem, longest first. */
const PHRASES_BY_FIRST_STEM: ReadonlyMap<string, readonly GroupPhrase[]> = (() => {
  const byFirst = new Map<string, GroupPhrase[]>();
  SYNONYM_GROUPS.forEach((members, group) => {
    for (const member of members) {
      const stems = stemsOf(member);
      const first = stems[0];
      if (first === undefined || stems.length > MAX_PHRASE_WORDS) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ group, stems });
      byFirst.set(first, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
})();

/** Dictionary for misspellings: every vocabulary word, by length, as [word, stem]. */
const DICTIONARY: readonly (readonly [string, string])[] = [
  ...new Set([...COMMON_WORDS, ...SYNONYM_GROUPS.flat().flatMap((member) => member.match(WORD) ?? [])]),
]
  .filter((word) => /^[a-z]{3,}$/.test(word))
  .map((word) => [word, stemWord(word)] as const);

/**
 * Optimal-string-alignment distance, giving up (returning `max + 1`) once it must exceed `max`.
 * Words here are short (a question word and a dictionary word), so the table stays tiny.
 */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/**
 * The dictionary word a misspelt `word` most likely meant: one edit away (two for words of 7+
 * letters); a word of 3–4 letters only by a missing letter (`sik` → `sick`, never `cost` → `post`).
 */
function correctionOf(word: string): string | undefined {
  if (!/^[a-z]{3,}$/.test(word)) return undefined;
  const stem = stemWord(word);
  if (DICTIONARY.some(([, known]) => known === stem)) return undefined;
  const max = word.length >= 7 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const [known] of DICTIONARY) {
    if (word.length < 5 && known.length !== word.length + 1) continue;
    const distance = distanceWithin(word, known, max);
    if (distance <= max && (best === undefined || distance < best.distance)) best = { word: known, distance };
  }
  return best?.word;
}

/**
 * Turns a question into what to search and how to rank: filler words go; vocabulary words and
 * phrases (`on call`, `per diem`, `PTO`) bring the other members of their synonym group at a lower
 * weight; British spellings match American ones (stemming); a word one edit from a vocabulary word
 * brings that word too. Typed words always come first and are never dropped for a synonym. Pure
 * and linear in the question (at most MAX_QUESTION_WORDS words are read).
 */
export function expandQuery(question: string): ExpandedQuery {
  const words = (question.match(WORD) ?? []).slice(0, MAX_QUESTION_WORDS).map((w) => w.toLowerCase());
  const stems = words.map(stemWord);
  const typed: ConceptTerm[] = [];
  const extra: ConceptTerm[] = [];
  const keywords: string[] = [];
  const typedStems = new Set<string>();
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASES_BY_FIRST_STEM.get(stems[i] ?? '')?.find((candidate) =>
      candidate.stems.every((stem, k) => stems[i + k] === stem),
    );
    if (phrase) {
      const text = words.slice(i, i + phrase.stems.length).join(' ');
      const concept = typed.length;
      typed.push({ text, weight: TYPED, concept });
      keywords.push(text);
      for (const stem of phrase.stems) typedStems.add(stem);
      for (const member of SYNONYM_GROUPS[phrase.group] ?? [])
        extra.push({ text: member, weight: SYNONYM, concept });
      i += phrase.stems.length;
      continue;
    }
    const word = words[i] ?? '';
    i += 1;
    if (FILLER.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    if ((word === 'work' || word === 'works') && HOW_DOES_IT_WORK.test(question)) continue;
    const concept = typed.length;
    typed.push({ text: word, weight: TYPED, concept });
    keywords.push(word);
    typedStems.add(stemWord(word));
    const american = americanSpelling(word);
    if (american !== word) extra.push({ text: american, weight: TYPED, concept });
    const corrected = correctionOf(word);
    if (corrected) extra.push({ text: corrected, weight: CORRECTED, concept });
  }
  const terms: ConceptTerm[] = [];
  const seen = new Set<string>();
  for (const term of [...typed, ...extra]) {
    const key = (term.text.match(WORD) ?? []).join(' ');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  const kept = terms.slice(0, MAX_SEARCH_TERMS);
  const stemWeights = new Map<string, number>();
  const concepts = typed.map(() => new Set<string>());
  for (const term of kept) {
    for (const stem of stemsOf(term.text)) {
      if (FILLER.has(stem)) continue;
      stemWeights.set(stem, Math.max(stemWeights.get(stem) ?? 0, term.weight));
      concepts[term.concept]?.add(stem);
    }
  }
  return {
    keywords: [...new Set(keywords)],
    terms: kept.map(({ text, weight }) => ({ text, weight })),
    stemWeights,
    typedStems,
    concepts: concepts.filter((stems) => stems.size > 0),
  };
}
