import { decodeMoreToken } from '../../assistant/more-token.js';
import type { FollowUpPosition } from '../../intent/types.js';
import { conversationKey, conversationMemory, rememberShown } from '../../operations/conversation-memory.js';
import { runOperation } from '../../operations/pipeline.js';
import type { IntentHandlers } from '../turn.js';
import { handleOperation } from './operation.js';

const NOTHING_EARLIER =
  'I have no earlier results in this conversation to go on (I remember the last results of each conversation or thread for two hours). Search first, e.g. `search vpn`.';

function indexOf(position: FollowUpPosition, count: number, opened: number | undefined): number {
  if (position === 'last') return count - 1;
  if (position === 'next') return opened === undefined ? 0 : opened + 1;
  if (position === 'previous') return opened === undefined ? 0 : opened - 1;
  return position - 1;
}

/**
 * A follow-up on this conversation's (or thread's) last results: "open the second one" opens that
 * page through the pipeline (decided and audited like `get <id>`: the remembered list is only a
 * pointer), "and the next one" the one after the last opened, "more" the next page of the search.
 */
export const handleFollowUp: IntentHandlers['follow-up'] = async (turn, intent) => {
  const memory = conversationMemory(turn.deps);
  const key = conversationKey(turn.target);
  const state = memory.get(key);
  if (!state || state.pages.length === 0) {
    await turn.reply({ kind: 'text', text: NOTHING_EARLIER });
    return;
  }
  if (intent.action === 'more') {
    if (!state.nextToken) {
      await turn.reply({ kind: 'text', text: 'That was all: there are no more results.' });
      return;
    }
    const token = decodeMoreToken(state.nextToken);
    const result = await runOperation(turn, {
      operation: 'search',
      words: token.w,
      ...(token.s ? { spaceKey: token.s } : {}),
      cursor: token.c,
    });
    rememberShown(memory, key, result.message);
    if (result.message) await turn.reply(result.message);
    return;
  }
  const index = indexOf(intent.position, state.pages.length, state.opened);
  const page = state.pages[index];
  if (!page) {
    await turn.reply({
      kind: 'text',
      text: `There ${state.pages.length === 1 ? 'was 1 result' : `were ${state.pages.length} results`}: pick a number from 1 to ${state.pages.length}.`,
    });
    return;
  }
  memory.update(key, { opened: index });
  await handleOperation(turn, {
    kind: 'operation',
    request: { operation: 'get', ref: { kind: 'id', id: page.pageId } },
  });
};
