import { answerQuestion, formatAnswer } from '../../answers/answer-question.js';
import { decideIn, requireConnector } from '../../assistant/channel-context.js';
import { denialMessage } from '../../assistant/present.js';
import type { IntentHandlers } from '../turn.js';

/** A question: answered from passages of pages the channel may read (search policy), with citations. */
export const handleQuestion: IntentHandlers['question'] = async (turn, { question }) => {
  const context = turn.channel();
  const search = decideIn(context, turn.actor, 'search', {});
  const audit = (allowed: boolean, details?: Record<string, unknown>) =>
    turn.audit({
      connector: context.connector?.name,
      operation: 'question',
      target: { query: question.slice(0, 500) },
      decision: allowed ? 'allowed' : 'denied',
      outcome: allowed ? 'ok' : 'denied',
      ...(details ? { details } : {}),
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
  await audit(true, { citations: result.citations.length, pages: result.pages.length });
  await turn.reply({ kind: 'text', text: formatAnswer(result) });
};
