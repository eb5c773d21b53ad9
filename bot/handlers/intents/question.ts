import { answerQuestion, formatAnswer } from '../../answers/answer-question.js';
import { resolveFollowUp } from '../../answers/follow-up-question.js';
import { decideIn, requireConnector } from '../../assistant/channel-context.js';
import { denialMessage } from '../../assistant/present.js';
import { composeAnswer, formatComposedAnswer } from '../../model/compose-answer.js';
import { modelOf } from '../../model/model-of.js';
import { conversationKey, conversationMemory } from '../../operations/conversation-memory.js';
import type { IntentHandlers } from '../turn.js';

/**
 * A question: answered from passages of pages the channel may read (search policy), with citations.
 * A short follow-up ("and for contractors?") is answered as the previous question of the same
 * conversation or thread plus its new words; the answer says which question it answered.
 * With a model configured, it composes the answer from the passages the offline path chose (and
 * nothing else); when it cannot, the offline answer is shown unchanged. The audit entry names the
 * model that composed an answer, never the prompt or the answer text.
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
  const model = modelOf(turn.deps);
  const composed = model ? await composeAnswer(model, result) : undefined;
  memory.rememberQuestion(key, question);
  await audit(true, {
    citations: composed ? composed.cited.length : result.citations.length,
    pages: result.pages.length,
    ...(composed ? { composedBy: { provider: composed.provider, model: composed.model } } : {}),
  });
  await turn.reply({ kind: 'text', text: composed ? formatComposedAnswer(composed) : formatAnswer(result) });
};
