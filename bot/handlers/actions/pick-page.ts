import { z } from 'zod';
import type { OutboundMessage } from '../../domain/chat.js';
import type { OperationRequest } from '../../intent/types.js';
import { conversationKey, conversationMemory, rememberShown } from '../../operations/conversation-memory.js';
import { runOperation } from '../../operations/pipeline.js';
import { VERBS } from '../../views/verbs.js';
import { MAX_PICK_REQUEST_LENGTH } from '../intents/page-by-name.js';
import { defineCardAction } from '../turn.js';

const text = z.string().max(30_000);
const editSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('append'), markdown: text.min(1) }),
  z.object({ kind: z.literal('replace'), find: text.min(1), replaceWith: text }),
  z.object({ kind: z.literal('section'), heading: text.min(1), markdown: text.min(1) }),
  z.object({ kind: z.literal('body'), markdown: text.min(1) }),
  z.object({ kind: z.literal('title'), title: z.string().min(1).max(255) }),
]);
const requestSchema = z.discriminatedUnion('operation', [
  z.object({ operation: z.literal('get') }).strict(),
  z.object({ operation: z.literal('update'), edit: editSchema }).strict(),
]);

function parseJson(value: string, context: z.RefinementCtx): unknown {
  try {
    return JSON.parse(value);
  } catch {
    context.addIssue({ code: z.ZodIssueCode.custom, message: 'not JSON' });
    return z.NEVER;
  }
}

/**
 * "This one" on a pick-page card: the original request (a claim, parsed like any card data) run on
 * the picked page for the clicker, through the pipeline — decided for them in this channel now,
 * read through the scoped loader, audited; an update is previewed for that page (or refused). The
 * outcome is posted in the conversation; a refusal or failure is shown to the clicker only.
 */
export const pickPageAction = defineCardAction({
  verb: VERBS.pickPage,
  input: z.object({
    pageId: z.string().regex(/^\d{1,20}$/),
    request: z.string().max(MAX_PICK_REQUEST_LENGTH).transform(parseJson).pipe(requestSchema),
  }),
  async handle(turn, { pageId, request }) {
    const post = (message: OutboundMessage) => turn.deps.port.post(turn.target, message);
    const ref = { kind: 'id', id: pageId } as const;
    const operation: OperationRequest =
      request.operation === 'get'
        ? { operation: 'get', ref }
        : { operation: 'update', ref, edit: request.edit };
    const result = await runOperation({ ...turn, reply: post }, operation);
    const message = result.message;
    if (result.outcome === 'refused' || result.outcome === 'failed' || !message) {
      const shown = message?.kind === 'view' ? message.summary : message?.text;
      return {
        kind: 'message',
        text:
          result.outcome === 'failed'
            ? result.error.userMessage
            : (shown ?? 'That page cannot be used here.'),
      };
    }
    try {
      await post(message);
    } catch (error) {
      turn.deps.logger.warn({ err: String(error), pageId }, 'could not post the picked page');
      return {
        kind: 'message',
        text: `I could not post in this conversation. Try it with the page id ${pageId}.`,
      };
    }
    rememberShown(conversationMemory(turn.deps), conversationKey(turn.target), message);
    return {
      kind: 'message',
      text: request.operation === 'get' ? 'Posted the page below.' : 'Done: see below.',
    };
  },
});
