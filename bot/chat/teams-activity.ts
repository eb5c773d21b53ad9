/**
 * Core messages as Bot Framework activities: views rendered with their Adaptive Card template,
 * text as a plain message. The one place the Teams edge turns core output into what Teams shows.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { OutboundMessage, View } from '../domain/chat.js';
import { renderCard } from '../views/render-card.js';
import type { AdaptiveCardJson } from '../views/types.js';

/** Renders a core view with the Adaptive Card template of its kind (templates compiled once). */
export function renderView(view: View): AdaptiveCardJson {
  return renderCard(view.kind, view.data as never);
}

/** Turns an OutboundMessage into a Bot Framework activity (views become Adaptive Cards). */
export function toActivity(message: OutboundMessage) {
  if (message.kind === 'text') return MessageFactory.text(message.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderView(message.view)));
  if (message.summary) activity.summary = message.summary;
  return activity;
}
