import type { ConfluenceClient, SearchResults } from '../confluence/types.js';
import type { EffectiveSpaces } from '../policy/decide.js';

/** A search ready to show: the results and the spaces it covered. */
export interface SearchOutcome {
  readonly results: SearchResults;
  readonly spaceKeys: readonly string[];
}

/**
 * Runs a search restricted to the spaces policy allows. A named space must already have passed
 * `decide`; with none named the search covers every usable space (for a `*` connector, the
 * spaces the account can see). Returns no results, without calling search, when no space is usable.
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
  const results = await client.searchPages({
    words: input.words,
    spaceKeys,
    ...(input.cursor ? { cursor: input.cursor } : {}),
    ...(input.limit ? { limit: input.limit } : {}),
  });
  return { results, spaceKeys: input.spaceKey ? spaceKeys : input.spaces.kind === 'list' ? spaceKeys : [] };
}
