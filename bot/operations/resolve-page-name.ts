import type { ConfluenceClient, SearchHit } from '../confluence/types.js';
import type { TitleSearchRef } from '../intent/types.js';
import type { EffectiveSpaces } from '../policy/decide.js';

/** A page a title search found, as a pick card lists it. */
export interface TitleCandidate {
  readonly pageId: string;
  readonly title: string;
  readonly spaceKey: string;
  readonly webUrl: string;
}

/** What a page name resolved to: one page, several to pick from, or none (with the closest titles). */
export type NameResolution =
  | {
      readonly kind: 'found';
      readonly page: TitleCandidate;
      /** Set when no title holds the whole name and the page was found by a shorter name (these words). */
      readonly shortened?: string;
    }
  | { readonly kind: 'several'; readonly candidates: readonly TitleCandidate[] }
  | { readonly kind: 'none'; readonly closest: readonly TitleCandidate[] };

/** Most pages a pick card offers. */
export const MAX_CANDIDATES = 5;
/** Results read per title search (one page of CQL results). */
const SEARCH_LIMIT = 25;
/**
 * Shorter names tried, in order, when no title holds every word of the name: [words dropped from the
 * start, from the end]. People add a word the title lacks ("the Sales Q1 2025 Pipeline Review", "the
 * VPN Setup Guide doc pls"), most often at the end. At most this many extra searches.
 */
const SHORTER_NAMES: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 0],
  [0, 2],
];
/** Fewest content words a shorter name keeps (one word alone names too many pages). */
const MIN_SHORTER_WORDS = 2;
/** Most content words of a name that is shortened (longer is no title with a word too many). */
const MAX_SHORTENED_WORDS = 12;
/** Single words tried, longest first, when the whole name matches nothing. */
const MAX_LOOSE_WORDS = 3;
const FILLER = new Set(['the', 'a', 'an', 'of', 'and', 'page', 'doc', 'for', 'to', 'in', 'on', 'my', 'our']);

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) =>
    word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
  );
}

function contentWords(text: string): string[] {
  const words = wordsOf(text);
  const content = words.filter((word) => !FILLER.has(word));
  return content.length > 0 ? content : words;
}

/** Same title, ignoring case, punctuation and spacing ("on-call rota" = "On-call Rota"). */
function sameTitle(a: string, b: string): boolean {
  return wordsOf(a).join(' ') === wordsOf(b).join(' ');
}

/** How well a title matches the name: the share of the name's words in it, then of its words in the name. */
function score(name: readonly string[], title: string): number {
  const words = contentWords(title);
  const inTitle = name.filter((word) => words.includes(word)).length / Math.max(1, name.length);
  const inName = words.filter((word) => name.includes(word)).length / Math.max(1, words.length);
  return inTitle * 2 + inName;
}

function toCandidate(hit: SearchHit): TitleCandidate {
  return { pageId: hit.pageId, title: hit.title, spaceKey: hit.spaceKey, webUrl: hit.webUrl };
}

/** The titles among `hits` that hold every word of `name`, best first. */
function holdingAll(name: readonly string[], hits: readonly SearchHit[]): SearchHit[] {
  return ranked(name, hits).filter((hit) => {
    const words = contentWords(hit.title);
    return name.every((word) => words.includes(word));
  });
}

function ranked(name: readonly string[], hits: readonly SearchHit[]): SearchHit[] {
  const unique = [...new Map(hits.map((hit) => [hit.pageId, hit])).values()];
  return unique
    .map((hit) => ({ hit, score: score(name, hit.title) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.hit.title.localeCompare(b.hit.title))
    .map((entry) => entry.hit);
}

/**
 * Finds the page a user named by title words, in the spaces they may use (`spaceKey` when they named
 * one, which policy has already allowed; otherwise every usable space): a CQL title search
 * (`title ~`) of the words restricted to those spaces (the client drops any hit outside them), then the exact title (case and
 * punctuation aside), else the titles holding every word of the name: one → that page, several →
 * the best {@link MAX_CANDIDATES} to pick from. Nothing → up to three single-word title searches for
 * the closest titles. A page outside the allowed spaces is never found, so it is answered like a
 * missing one. Throws the client's AppErrors.
 */
export async function resolvePageName(
  client: ConfluenceClient,
  ref: TitleSearchRef,
  spaces: EffectiveSpaces,
): Promise<NameResolution> {
  const spaceKeys = ref.spaceKey
    ? [ref.spaceKey]
    : spaces.kind === 'list'
      ? spaces.keys
      : (await client.listSpaces()).map((space) => space.key);
  if (spaceKeys.length === 0) return { kind: 'none', closest: [] };
  const name = contentWords(ref.words);
  const search = async (words: string) =>
    (await client.searchPages({ words, spaceKeys, field: 'title', limit: SEARCH_LIMIT })).hits;
  const hits = await search(ref.words);
  const exact = hits.filter((hit) => sameTitle(hit.title, ref.words));
  if (exact.length === 1) return { kind: 'found', page: toCandidate(exact[0]!) };
  if (exact.length > 1)
    return { kind: 'several', candidates: exact.slice(0, MAX_CANDIDATES).map(toCandidate) };
  const whole = holdingAll(name, hits);
  if (whole.length === 1) return { kind: 'found', page: toCandidate(whole[0]!) };
  if (whole.length > 1)
    return { kind: 'several', candidates: whole.slice(0, MAX_CANDIDATES).map(toCandidate) };
  const shorter = await findByShorterName(ref.words, search);
  if (shorter) return shorter;
  const loose: SearchHit[] = [...hits];
  const tried = [...new Set(name)].sort((a, b) => b.length - a.length).slice(0, MAX_LOOSE_WORDS);
  for (const word of tried) {
    if (ranked(name, loose).length >= MAX_CANDIDATES) break;
    loose.push(...(await search(word)));
  }
  return { kind: 'none', closest: ranked(name, loose).slice(0, 3).map(toCandidate) };
}

/**
 * The page a name finds once a word or two the title lacks is left off its start or end (never its
 * middle, never below {@link MIN_SHORTER_WORDS} content words, never for a name of more than
 * {@link MAX_SHORTENED_WORDS}): the first shorter name of
 * {@link SHORTER_NAMES} that some titles hold wholly decides — one title → found (marked `shortened`,
 * so the caller can say which name it used), several → a pick list. Undefined when none does.
 */
async function findByShorterName(
  words: string,
  search: (words: string) => Promise<readonly SearchHit[]>,
): Promise<NameResolution | undefined> {
  const said = (words.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !FILLER.has(wordsOf(word)[0]!));
  if (said.length > MAX_SHORTENED_WORDS) return undefined;
  for (const [fromStart, fromEnd] of SHORTER_NAMES) {
    const kept = said.slice(fromStart, said.length - fromEnd);
    if (kept.length < MIN_SHORTER_WORDS) continue;
    const name = kept.join(' ');
    const holding = holdingAll(wordsOf(name), await search(name));
    if (holding.length === 1) return { kind: 'found', page: toCandidate(holding[0]!), shortened: name };
    if (holding.length > 1)
      return { kind: 'several', candidates: holding.slice(0, MAX_CANDIDATES).map(toCandidate) };
  }
  return undefined;
}
