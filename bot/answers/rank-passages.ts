import MiniSearch from 'minisearch';
import type { ExpandedQuery } from './expand-query.js';
import { stemWord } from './expand-query.js';
import { hasMention, withoutMentions } from './resolve-mentions.js';
import type { PagePassage } from './split-passages.js';

/** A passage to rank, with the page it belongs to. */
export interface CandidatePassage extends PagePassage {
  readonly pageId: string;
  readonly pageTitle: string;
}

/** A ranked passage: its BM25 score (with the small adjustments below), the stems it matched, and how many of the question's subjects those cover. */
export interface RankedPassage extends CandidatePassage {
  readonly score: number;
  readonly matched: readonly string[];
  readonly covered: number;
}

/** Most passages ranked for one question, over all its pages. */
export const MAX_RANKED_PASSAGES = 1_500;

/** Stems that never count (the English function words left after question filler is removed). */
const STOP_STEMS = new Set(
  'a an and are as at be but by for from has have if in into is it its of on or our so such that the their then there these they this to was we were will with you your'
    .split(' ')
    .map(stemWord),
);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Markdown link targets are addresses, not words of the passage. */
const LINK_TARGET = /\]\([^)]*\)/g;

/** A code of letters then digits ("W13", "Q3", "v2"): also stands for its number ("week 13"). */
const CODES_FIELD = 'codes';
/** Weight of a number found inside a code (see `tokenize`), against 2 for the passage's words. */
const CODE_NUMBER_WEIGHT = 0.6;
const LETTERS_THEN_DIGITS = /^\p{L}{1,3}(\d{1,4})$/u;

/**
 * Words of a field. The `codes` field is the passage text again, as the numbers inside its codes
 * only, so "week 13" finds "2025-W13" at a lower weight than a number written out.
 */
function tokenize(text: string, field?: string): string[] {
  const words = withoutMentions(text).replace(LINK_TARGET, ']').match(WORD) ?? [];
  if (field !== CODES_FIELD) return words;
  return words.flatMap((word) => LETTERS_THEN_DIGITS.exec(word)?.[1] ?? []);
}

function processTerm(term: string): string | null {
  const stem = stemWord(term);
  return STOP_STEMS.has(stem) ? null : stem;
}

/**
 * How much a passage keeps of its score when it covers none of the question's subjects; covering
 * all keeps it whole. BM25 adds up word scores, so one rare word can outweigh a passage that
 * answers every part of the question; scaling by the share of subjects covered (text, heading or
 * page title) favours the passage about all of it ("the behaviour we expect in the code of
 * conduct": the Code of Conduct, not a page that says "behaviour" once).
 */
const COVERAGE_FLOOR = 0.4;

/** Score factor for the passages of a page the question names by its title ("… in the code of conduct"). */
const NAMED_PAGE_BOOST = 1.5;
/** Share of a title's words the question must hold for the page to count as named. */
const NAMED_TITLE_SHARE = 0.75;

/**
 * True when the question names the page: it holds at least three quarters of the title's words
 * (two at least, or the one word of a one-word title), as typed (not only as synonyms).
 */
function isNamedInQuestion(title: string, query: ExpandedQuery): boolean {
  const stems = new Set(
    tokenize(title)
      .map(stemWord)
      .filter((stem) => !STOP_STEMS.has(stem)),
  );
  if (stems.size === 0) return false;
  const held = [...stems].filter((stem) => query.typedStems.has(stem)).length;
  return held >= Math.min(2, stems.size) && held >= stems.size * NAMED_TITLE_SHARE;
}

/** Score factor for a passage that is only links or bold names ("**2025.03** · **2025.02**"): an index, not an answer. */
const LINKS_ONLY = 0.25;

/** Questions that ask for a figure, a time or a person: passages holding one rank a little higher. */
const ASKS_FOR_FIGURE =
  /\b(?:how (?:many|much|long|often|soon|big)|when|what time|what date|limit|minimum|maximum|threshold|number|budget|allowance|cost|price|rate|fee|percent|percentage|share|per (?:day|night|week|month|year|diem))\b/i;
const ASKS_FOR_PERSON = /\bwho(?:'s|m)?\b/i;

/** Words of `text` outside Markdown links and code (what a passage says itself). */
function ownWords(text: string): number {
  return (
    withoutMentions(text)
      .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\*\*[^*]+\*\*/g, ' ')
      .match(WORD) ?? []
  ).length;
}

interface Indexed {
  readonly id: number;
  readonly text: string;
  readonly heading: string;
  readonly title: string;
}

/** BM25 over `documents` for the query's stems, with their weights; results as MiniSearch gives them. */
function searchIndexed(query: ExpandedQuery, documents: readonly Indexed[], boost: Record<string, number>) {
  const stems = [...query.stemWeights.keys()].filter((stem) => !STOP_STEMS.has(stem));
  if (stems.length === 0 || documents.length === 0) return [];
  const index = new MiniSearch<Indexed>({
    fields: ['text', 'heading', 'title', CODES_FIELD],
    extractField: (document, field) =>
      field === CODES_FIELD ? document.text : document[field as keyof Indexed],
    tokenize,
    processTerm,
  });
  index.addAll(documents);
  return index.search(stems.join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boost,
    boostTerm: (term) => query.stemWeights.get(term) ?? 1,
    combineWith: 'OR',
  });
}

/**
 * Orders search hits for reading: BM25 over each hit's title and excerpt (the words around its
 * first match), so a page matching the question's rare words goes before one matching only common
 * ones; Confluence's own order breaks ties and adds a small prior. Pure.
 */
export function rankSearchHits<
  H extends { readonly title: string; readonly excerpt: readonly { text: string }[] },
>(query: ExpandedQuery, hits: readonly H[]): H[] {
  const documents = hits.map((hit, id) => ({
    id,
    text: hit.excerpt.map((part) => part.text).join(''),
    heading: '',
    title: hit.title,
  }));
  const scores = new Map<number, number>();
  for (const result of searchIndexed(query, documents, { text: 1, title: 2, [CODES_FIELD]: 0 })) {
    scores.set(result.id as number, result.score);
  }
  const top = Math.max(1, ...scores.values());
  const prior = (i: number): number => 0.15 * (1 - i / Math.max(1, hits.length));
  return hits
    .map((hit, i) => ({ hit, score: (scores.get(i) ?? 0) / top + prior(i) }))
    .sort((a, b) => b.score - a.score)
    .map(({ hit }) => hit);
}

/**
 * Ranks passages of the candidate pages for a question with BM25 (MiniSearch: fields passage text,
 * heading and page title, the text counting most). Query stems carry their expansion weights
 * (typed words 1, corrections and synonyms less). Passages that are little more than a link weigh
 * less; questions asking for a figure favour passages with digits; questions asking "who" favour
 * passages that mention a person. At most MAX_RANKED_PASSAGES are indexed; best first. Pure.
 */
export function rankPassages(
  query: ExpandedQuery,
  passages: readonly CandidatePassage[],
  question: string,
): RankedPassage[] {
  const kept = passages.slice(0, MAX_RANKED_PASSAGES);
  const results = searchIndexed(
    query,
    kept.map((p, id) => ({ id, text: p.text, heading: p.heading ?? '', title: p.pageTitle })),
    { text: 2, heading: 1.6, title: 0.6, [CODES_FIELD]: CODE_NUMBER_WEIGHT },
  );
  const named = new Map<string, boolean>();
  const namesPage = (title: string): boolean => {
    let known = named.get(title);
    if (known === undefined) {
      known = isNamedInQuestion(title, query);
      named.set(title, known);
    }
    return known;
  };
  const figure = ASKS_FOR_FIGURE.test(question);
  const person = ASKS_FOR_PERSON.test(question);
  const ranked: RankedPassage[] = [];
  for (const result of results) {
    const passage = kept[result.id as number];
    if (!passage) continue;
    let score = result.score;
    const own = ownWords(passage.text);
    if (own === 0) score *= LINKS_ONLY;
    else if (own < 4) score *= 0.5;
    if (figure && /\d/.test(withoutMentions(passage.text))) score *= 1.15;
    if (person && hasMention(passage.text)) score *= 1.3;
    const matched = new Set(result.terms);
    const covered = query.concepts.filter((stems) => [...stems].some((stem) => matched.has(stem))).length;
    score *= COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * (covered / Math.max(1, query.concepts.length));
    if (namesPage(passage.pageTitle)) score *= NAMED_PAGE_BOOST;
    ranked.push({ ...passage, score, matched: result.terms, covered });
  }
  return ranked.sort((a, b) => b.score - a.score || a.index - b.index);
}
