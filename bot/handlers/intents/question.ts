import { answerQuestion, formatAnswer } from '../../answers/answer-question.js';
import { resolveFollowUp } from '../../answers/follow-up-question.js';
import { decideIn, requireConnector } from '../../assistant/channel-context.js';
import { denialMessage } from '../../assistant/present.js';
import { conversationKey, conversationMemory } from '../../operations/conversation-memory.js';
import type { IntentHandlers } from '../turn.js';

/**
 * A question: answered from passages of pages the channel may read (search policy), with citations.
 * A short follow-up ("and for contractors?") is answered as the previous question of the same
 * conversation or thread plus its new words; the answer says which question it answered.
 */
export const handleQuestion: IntentHandlers['question'] = async (turn, { question: asked }) => {
  const context = turn.channel();
  const memory = conversationMemory(turn.deps);
  const key = conversationKey(turn.target);
  const { question, followUp } = resolveFollowUp(asked, memory.previousQuestion(key));
  const search = decideIn(context, turn.actor, 'search', {});
  const audit = (allowed: boolean, details?: Record<string, unknown>) =>
    turn.audit({
      connector: context.connector?.name,
      operation: 'question',
      target: { query: question.slice(0, 500) },
      decision: allowed ? 'allowed' : 'denied',
      outcome: allowed ? 'ok' : 'denied',
      ...(details || followUp ? { details: { ...details, ...(followUp ? { followUp: true } : {}) } } : {}),
    });
  if (search.permission === 'denied') {
    await audit(false);
    await turn.reply(denialMessage(`Answer "${question.slice(0, 120)}"`, 'search', search));
    return;
  }
  const { client } = requireConnector(turn.deps, context);
  const result = await answerQuestion(client, {
    question,
    spaces: search.spaces,
    isSpaceAllowed: (spaceKey) => decideIn(context, turn.actor, 'get', { spaceKey }).permission !== 'denied',
  });
  memory.rememberQuestion(key, question);
  await audit(true, { citations: result.citations.length, pages: result.pages.length });
  await turn.reply({ kind: 'text', text: formatAnswer(result) });
};
