import { z } from 'zod';
import { runOperation } from '../../assistant/run-operation.js';
import type { ChatRequest, OutboundMessage } from '../../domain/chat.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** "Show here" on a search hit: posts the page into the conversation when it passes the scoped loader. */
export const showPageAction = defineCardAction({
  verb: VERBS.showPage,
  input: z.object({ pageId: z.string().regex(/^\d{1,20}$/) }),
  async handle(turn, { pageId }) {
    const chat: ChatRequest = { ...turn.action, text: `get ${pageId}`, mentions: [] };
    const messages: OutboundMessage[] = [];
    const outcome = await runOperation(
      turn.deps,
      chat,
      { operation: 'get', ref: { kind: 'id', id: pageId } },
      async (message) => {
        messages.push(message);
        return undefined;
      },
    );
    const first = messages[0];
    if (outcome === 'ok' && first?.kind === 'view') {
      try {
        await turn.deps.port.post(turn.target, first);
      } catch (error) {
        turn.deps.logger.warn({ err: String(error), pageId }, 'could not post a page for "Show here"');
        return {
          kind: 'message',
          text: `I could not post the page in this conversation. Try \`get ${pageId}\` instead.`,
        };
      }
      return { kind: 'message', text: 'Posted the page below.' };
    }
    const text = first?.kind === 'view' ? first.summary : first?.text;
    return { kind: 'message', text: text ?? 'Nothing to show.' };
  },
});
