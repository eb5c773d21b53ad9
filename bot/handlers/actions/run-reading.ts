import { z } from 'zod';
import { resolveSpaceNames } from '../../assistant/space-names-directory.js';
import type { OutboundMessage } from '../../domain/chat.js';
import { parseMessage } from '../../intent/parse-message.js';
import type { Intent } from '../../intent/types.js';
import { VERBS } from '../../views/verbs.js';
import { INTENT_HANDLERS } from '../intents/index.js';
import { defineCardAction, type MessageTurn } from '../turn.js';

/** Intent kinds a "did you mean" button may run: user requests only (never admin commands). */
const RUNNABLE = new Set<Intent['kind']>([
  'operation',
  'page-by-name',
  'follow-up',
  'question',
  'approvals',
  'help',
  'greeting',
]);

/**
 * A "did you mean" reading clicked: its text (a claim) parsed as if the clicker had typed it (spaces
 * named in words resolved the same way) and run through the normal intent handlers as the clicker —
 * their rights, this channel's policy, the same audit. Only user requests run; anything else (an admin command, another unclear text) is
 * refused with advice to type it. Replies go to the conversation.
 */
export const runReadingAction = defineCardAction({
  verb: VERBS.runReading,
  input: z.object({ text: z.string().min(1).max(500) }),
  async handle(turn, { text }) {
    const chat = {
      actor: turn.actor,
      conversation: turn.conversation,
      target: turn.target,
      text,
      mentions: [],
    };
    const intent = await resolveSpaceNames(turn.deps, chat, parseMessage(text, []));
    if (!RUNNABLE.has(intent.kind))
      return { kind: 'message', text: 'That cannot be run from a button: type the command instead.' };
    const reply = (message: OutboundMessage) => turn.deps.port.post(turn.target, message);
    const messageTurn: MessageTurn = { ...turn, chat, reply };
    const handle = INTENT_HANDLERS[intent.kind] as (turn: MessageTurn, intent: Intent) => Promise<void>;
    await handle(messageTurn, intent);
    return { kind: 'message', text: `Ran: ${text.slice(0, 100)}` };
  },
});
