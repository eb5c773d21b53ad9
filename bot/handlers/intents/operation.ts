import { runOperation } from '../../assistant/run-operation.js';
import type { IntentHandlers } from '../turn.js';

/** search / get / create / update, in commands or plain words: decided, run or sent for approval. */
export const handleOperation: IntentHandlers['operation'] = async (turn, intent) => {
  await runOperation(turn.deps, turn.chat, intent.request, turn.reply);
};
