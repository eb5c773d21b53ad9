import { EXAMPLE_COMMANDS } from '../../intent/examples.js';
import type { IntentHandlers } from '../turn.js';
import { placeholders } from './placeholders.js';

/** A message that was not understood: why, and commands to try. */
export const handleFailure: IntentHandlers['failure'] = async (turn, intent) => {
  const suggestions = intent.suggestions.length > 0 ? intent.suggestions : EXAMPLE_COMMANDS;
  await turn.reply({
    kind: 'text',
    text: placeholders(
      `${intent.message}\n\nTry one of these:\n${suggestions.map((s) => `- \`${s}\``).join('\n')}\n\nType \`help\` for everything I can do.`,
    ),
  });
};
