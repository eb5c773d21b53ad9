import { z } from 'zod';
import { decodeMoreToken } from '../../assistant/more-token.js';
import { runOperation } from '../../operations/pipeline.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/**
 * The next page of search results: the search operation run again through the pipeline from the
 * token's words, space and cursor — re-decided for the clicker in this channel and audited like the
 * first page. Replaces the results card for the clicker only.
 */
export const moreResultsAction = defineCardAction({
  verb: VERBS.moreResults,
  input: z.object({ token: z.unknown() }),
  async handle(turn, data) {
    const token = decodeMoreToken(data.token);
    const result = await runOperation(
      { ...turn, reply: (message) => turn.deps.port.post(turn.target, message) },
      { operation: 'search', words: token.w, ...(token.s ? { spaceKey: token.s } : {}), cursor: token.c },
    );
    if (result.outcome === 'failed') return { kind: 'message', text: result.error.userMessage };
    const message = result.message;
    return message?.kind === 'view'
      ? { kind: 'view', view: message.view, scope: 'clicker' }
      : { kind: 'message', text: message?.text ?? 'Nothing to show.' };
  },
});
