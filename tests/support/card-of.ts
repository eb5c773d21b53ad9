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

/** One Action.Execute of a card: its verb, data and button title. */
export interface ExecuteAction {
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly title?: string;
}

/** Every Action.Execute anywhere in a card (its refresh action included), in document order. */
export function executeActionsOf(card: unknown): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute')
      out.push({
        verb: String(record.verb),
        data: record.data as Record<string, unknown>,
        ...(typeof record.title === 'string' ? { title: record.title } : {}),
      });
    for (const child of Object.values(record)) walk(child);
  };
  walk(card);
  return out;
}
