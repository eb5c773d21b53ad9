import { decideIn } from '../../assistant/channel-context.js';
import { view } from '../../assistant/present.js';
import type { CardData } from '../../views/types.js';
import type { IntentHandlers, MessageTurn } from '../turn.js';

/** The help card's data: examples use a space this conversation may really use. */
function helpData(turn: MessageTurn): CardData['help'] {
  const context = turn.channel();
  const spaces = decideIn(context, turn.actor, 'search', {}).spaces;
  const keys = spaces.kind === 'list' ? spaces.keys : [];
  return {
    isAdmin: context.roles.isAdmin,
    exampleSpace: keys[0] ?? 'SPACE',
    spaces:
      spaces.kind === 'all'
        ? 'every space the connector account can see'
        : keys.length > 0
          ? keys.join(', ')
          : 'none yet (a bot admin can add one with /confluence spaces add KEY)',
    inChannel: turn.conversation.type !== 'personal',
  };
}

/** `help` (and a greeting): what this person can do here. */
export const handleHelp: IntentHandlers['help'] = async (turn) => {
  await turn.reply(view('help', helpData(turn)));
};

/** A greeting gets the help card. */
export const handleGreeting: IntentHandlers['greeting'] = async (turn) => {
  await turn.reply(view('help', helpData(turn)));
};
