import { view } from '../../assistant/present.js';
import type { IntentHandlers } from '../turn.js';

/** A message not understood: "did you mean" with the likeliest readings as buttons (run as if typed). */
export const handleUnclear: IntentHandlers['unclear'] = async (turn, intent) => {
  await turn.reply(
    view(
      'did-you-mean',
      { message: intent.message, readings: intent.readings.slice(0, 2) },
      'Did you mean…?',
    ),
  );
};
