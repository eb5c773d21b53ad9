import { encodeMoreToken } from '../assistant/more-token.js';
import { view } from '../assistant/present.js';
import type { OperationRequest } from '../intent/types.js';
import type { EffectiveSpaces } from '../policy/decide.js';
import { buildSearchResultsData } from '../views/build-view-data.js';
import { clipLine } from '../views/format.js';
import type { ReadOperation } from './operation.js';
import { OPERATION_SPECS } from './registry.js';
import { type SearchOutcome, searchPages } from './search-pages.js';

/** A search as asked; `cursor` continues an earlier search ("More results"). */
export type SearchRequest = Extract<OperationRequest, { operation: 'search' }> & { readonly cursor?: string };

/** What to search: the words, the decided space (canonical) or the usable spaces, and where to go on. */
export interface SearchPlan {
  readonly words: string;
  readonly spaceKey?: string;
  readonly spaces: EffectiveSpaces;
  readonly cursor?: string;
}

/** Most characters of the user's words quoted in a notice. */
const NOTICE_WORDS_MAX = 200;

/** search: full-text search of pages in the allowed spaces (v1 CQL), one page of results at a time. */
export const searchOperation: ReadOperation<SearchRequest, SearchPlan, SearchOutcome> = {
  kind: 'read',
  spec: OPERATION_SPECS.search,
  describe: (request) => `Search for "${request.words}"${request.spaceKey ? ` in ${request.spaceKey}` : ''}`,
  target: (request) => ({
    query: request.words,
    ...(request.spaceKey ? { spaceKey: request.spaceKey } : {}),
  }),
  named: (request) => (request.spaceKey ? { spaceKey: request.spaceKey } : {}),
  plan: (request, decision) => ({
    words: request.words,
    ...(decision.spaceKey ? { spaceKey: decision.spaceKey } : {}),
    spaces: decision.spaces,
    ...(request.cursor ? { cursor: request.cursor } : {}),
  }),
  execute: (env, plan) => searchPages(env.client, plan),
  audited: (plan, outcome) => ({
    target: { query: plan.words, ...(plan.spaceKey ? { spaceKey: plan.spaceKey } : {}) },
    details: {
      results: outcome.results.totalSize,
      ...(plan.cursor ? { page: 'next' } : {}),
      ...(outcome.fewerWords !== undefined ? { fewerWords: outcome.fewerWords } : {}),
    },
  }),
  present: (plan, outcome) => {
    // "More results" goes on with the words that found these pages.
    const searched = outcome.fewerWords ?? plan.words;
    return view(
      'search-results',
      {
        ...buildSearchResultsData({
          query: searched,
          spaceKeys: outcome.spaceKeys,
          results: outcome.results,
        }),
        ...(outcome.fewerWords !== undefined
          ? {
              notice: `No page has every word of "${clipLine(plan.words, NOTICE_WORDS_MAX)}", so these are the pages with "${clipLine(searched, NOTICE_WORDS_MAX)}".`,
            }
          : {}),
        ...(outcome.results.nextCursor
          ? { nextToken: encodeMoreToken(searched, plan.spaceKey, outcome.results.nextCursor) }
          : {}),
      },
      `${outcome.results.totalSize} results for "${searched}"`,
    );
  },
};
