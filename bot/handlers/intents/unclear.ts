import { view } from '../../assistant/present.js';
import { modelOf } from '../../model/model-of.js';
import { mergeReadings, proposeReading } from '../../model/propose-reading.js';
import type { IntentHandlers } from '../turn.js';

/**
 * A message not understood: "did you mean" with the likeliest readings as buttons (run as if typed).
 * With a model configured, its reading (one command of our grammar that our own parser accepts as a
 * user request) comes first; it only proposes — nothing runs until the click, which goes through the
 * same parse, policy and approvals as typing it. The offline readings remain when the model fails.
 */
export const handleUnclear: IntentHandlers['unclear'] = async (turn, intent) => {
  const model = modelOf(turn.deps);
  const proposed = model ? await proposeReading(model, turn.chat.text, turn.chat.mentions) : undefined;
  await turn.reply(
    view(
      'did-you-mean',
      { message: intent.message, readings: mergeReadings(proposed, intent.readings) },
      'Did you mean…?',
    ),
  );
};
