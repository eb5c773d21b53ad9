import { conversationKey, conversationMemory, rememberShown } from '../../operations/conversation-memory.js';
import { runOperation } from '../../operations/pipeline.js';
import type { IntentHandlers } from '../turn.js';

/** search / get / create / update, in commands or plain words: decided, run or sent for approval. */
export const handleOperation: IntentHandlers['operation'] = async (turn, intent) => {
  const result = await runOperation(turn, intent.request);
  rememberShown(conversationMemory(turn.deps), conversationKey(turn.target), result.message);
  if (!result.message) return;
  if (result.outcome !== 'pending') {
    await turn.reply(result.message);
    return;
  }
  await turn
    .reply(result.message)
    .catch((error: unknown) =>
      turn.deps.logger.warn(
        { err: String(error) },
        'could not tell the requester about their pending request',
      ),
    );
};
