import { z } from 'zod';
import { runOperation } from '../../operations/pipeline.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/**
 * "Show here" on a search hit: the get operation through the pipeline (decided, read through the
 * scoped loader, audited), its page view posted into the conversation; a refusal or failure is
 * shown to the clicker only.
 */
export const showPageAction = defineCardAction({
  verb: VERBS.showPage,
  input: z.object({ pageId: z.string().regex(/^\d{1,20}$/) }),
  async handle(turn, { pageId }) {
    const post = (message: Parameters<typeof turn.deps.port.post>[1]) =>
      turn.deps.port.post(turn.target, message);
    const result = await runOperation(
      { ...turn, reply: post },
      { operation: 'get', ref: { kind: 'id', id: pageId } },
    );
    const message = result.message;
    if (result.outcome !== 'ok' || message?.kind !== 'view') {
      const text = message?.kind === 'view' ? message.summary : message?.text;
      return { kind: 'message', text: text ?? 'Nothing to show.' };
    }
    try {
      await post(message);
    } catch (error) {
      turn.deps.logger.warn({ err: String(error), pageId }, 'could not post a page for "Show here"');
      return {
        kind: 'message',
        text: `I could not post the page in this conversation. Try \`get ${pageId}\` instead.`,
      };
    }
    return { kind: 'message', text: 'Posted the page below.' };
  },
});
