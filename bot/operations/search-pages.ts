import type { ConfluenceClient, SearchResults } from '../confluence/types.js';
import type { EffectiveSpaces } from '../policy/decide.js';

/** A search ready to show: the results and the spaces it covered. */
export interface SearchOutcome {
  readonly results: SearchResults;
  readonly spaceKeys: readonly string[];
  /** Set when nothing held every word and these fewer words were searched instead. */
  readonly fewerWords?: string;
}

/**
 * Fewer words tried, in order, when no page holds every word of a search: [words dropped from the
 * start, from the end] — what the empty card used to ask people to do themselves.
 */
const FEWER_WORDS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 0],
  [0, 2],
];
/** Most words of a search that is retried with fewer (a longer one is a sentence, not keywords). */
const MAX_RETRIED_WORDS = 12;

/**
 * Runs a search restricted to the spaces policy allows. A named space must already have passed
 * `decide`; with none named the search covers every usable space (for a `*` connector, the
 * spaces the account can see). Returns no results, without calling search, when no space is usable.
 * When no page holds every word, up to three searches with a word or two fewer follow (see
 * {@link fewerWords}); the first that finds pages is shown, marked with the words it used.
 */
export async function searchPages(
  client: ConfluenceClient,
  input: { words: string; spaceKey?: string; spaces: EffectiveSpaces; cursor?: string; limit?: number },
): Promise<SearchOutcome> {
  let spaceKeys: readonly string[];
  if (input.spaceKey) spaceKeys = [input.spaceKey];
  else if (input.spaces.kind === 'list') spaceKeys = input.spaces.keys;
  else spaceKeys = (await client.listSpaces()).map((space) => space.key);
  if (spaceKeys.length === 0) return { results: { hits: [], totalSize: 0 }, spaceKeys };
  const search = (words: string) =>
    client.searchPages({
      words,
      spaceKeys,
      ...(input.cursor ? { cursor: input.cursor } : {}),
      ...(input.limit ? { limit: input.limit } : {}),
    });
  const covered = input.spaceKey ? spaceKeys : input.spaces.kind === 'list' ? spaceKeys : [];
  const results = await search(input.words);
  if (results.totalSize > 0 || results.hits.length > 0 || input.cursor)
    return { results, spaceKeys: covered };
  for (const words of fewerWords(input.words)) {
    const fewer = await search(words);
    if (fewer.hits.length > 0) return { results: fewer, spaceKeys: covered, fewerWords: words };
  }
  return { results, spaceKeys: covered };
}

/**
 * The shorter searches of {@link FEWER_WORDS} for `words`: never the middle of it, never empty,
 * never for more than {@link MAX_RETRIED_WORDS} words or for text in quotes (a phrase is meant whole).
 */
export function fewerWords(words: string): string[] {
  if (/["“”]/.test(words)) return [];
  const said = words.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (said.length < 2 || said.length > MAX_RETRIED_WORDS) return [];
  const tried = FEWER_WORDS.map(([fromStart, fromEnd]) =>
    said.slice(fromStart, said.length - fromEnd).join(' '),
  );
  return [...new Set(tried.filter((fewer) => fewer !== ''))];
}
