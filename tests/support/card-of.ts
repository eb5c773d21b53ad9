import { renderView } from '../../bot/chat/teams-activity.js';
import type { CardActionResult, OutboundMessage } from '../../bot/domain/chat.js';
import type { AdaptiveCardJson } from '../../bot/views/types.js';

/**
 * The Adaptive Card Teams would show for a core message or card-action result (the core returns
 * views; the Teams edge renders them). Throws when the message holds no view.
 */
export function cardOf(message: OutboundMessage | CardActionResult | undefined): AdaptiveCardJson {
  if (message?.kind !== 'view') throw new Error(`expected a view, got ${message?.kind}`);
  return renderView(message.view);
}
