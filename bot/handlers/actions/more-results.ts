import { z } from 'zod';
import { decideIn, requireConnector } from '../../assistant/channel-context.js';
import { decodeMoreToken, encodeMoreToken } from '../../assistant/more-token.js';
import { denialMessage, viewOf } from '../../assistant/present.js';
import { searchPages } from '../../operations/search-pages.js';
import { buildSearchResultsData } from '../../views/build-view-data.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** The next page of search results, re-decided for the clicker in this channel. */
export const moreResultsAction = defineCardAction({
  verb: VERBS.moreResults,
  input: z.object({ token: z.unknown() }),
  async handle(turn, data) {
    const token = decodeMoreToken(data.token);
    const context = turn.channel();
    const decision = decideIn(context, turn.actor, 'search', token.s ? { spaceKey: token.s } : {});
    if (decision.permission !== 'allowed') {
      const refusal = denialMessage(`More results for "${token.w}"`, 'search', decision);
      return refusal.kind === 'view'
        ? { kind: 'view', view: refusal.view, scope: 'clicker' }
        : { kind: 'message', text: 'Refused.' };
    }
    const { client } = requireConnector(turn.deps, context);
    const outcome = await searchPages(client, {
      words: token.w,
      ...(decision.spaceKey ? { spaceKey: decision.spaceKey } : {}),
      spaces: decision.spaces,
      cursor: token.c,
    });
    await turn.audit({
      operation: 'search',
      target: { query: token.w, ...(token.s ? { spaceKey: token.s } : {}) },
      decision: 'allowed',
      outcome: 'ok',
      details: { page: 'next', results: outcome.results.hits.length },
    });
    const results = buildSearchResultsData({
      query: token.w,
      spaceKeys: outcome.spaceKeys,
      results: outcome.results,
    });
    return {
      kind: 'view',
      view: viewOf('search-results', {
        ...results,
        ...(outcome.results.nextCursor
          ? { nextToken: encodeMoreToken(token.w, token.s, outcome.results.nextCursor) }
          : {}),
      }),
      scope: 'clicker',
    };
  },
});
