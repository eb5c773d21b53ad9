import type { CardData, CardKind } from '../views/types.js';
import type { Actor, ConversationRef, ConversationType } from './types.js';

/** The chat platforms the core can talk through; each has one edge folder (bot/chat, bot/slack). */
export const PLATFORMS = ['teams', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A person other than the bot mentioned in a message. */
export interface MessageMention {
  readonly id: string;
  readonly name: string;
  /** The mention's text in the message, e.g. `<at>Ada Lovelace</at>`. */
  readonly text: string;
}

/**
 * Where replies can be sent outside a turn (proactive posts and card updates). `platform` picks the
 * edge; `serviceUrl` is the Bot Framework channel endpoint (Teams only); `threadId` is the thread a
 * reply belongs in where the platform threads by message (Slack's `thread_ts`).
 */
export interface ChatTarget {
  readonly platform: Platform;
  readonly conversationId: string;
  readonly channelKey: string;
  readonly serviceUrl?: string;
  readonly tenantId?: string;
  readonly threadId?: string;
}

/** A chat message reduced to what the core needs; built by the chat edge from a platform activity. */
export interface ChatRequest {
  readonly actor: Actor;
  readonly conversation: ConversationRef;
  readonly target: ChatTarget;
  /** The message text with the bot mention stripped and whitespace trimmed. */
  readonly text: string;
  readonly mentions: readonly MessageMention[];
  readonly activityId?: string;
}

/** A card button press (`Action.Execute`), reduced to what the core needs. */
export interface CardActionRequest {
  readonly verb: string;
  /** The card's data merged with form inputs: a claim, never authority. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor: Actor;
  readonly conversation: ConversationRef;
  readonly target: ChatTarget;
  /** The id of the message holding the card (for updating it in place). */
  readonly cardActivityId?: string;
}

/**
 * A view: typed data for one card kind. The core never renders; each edge renders views its own way
 * (Teams: the Adaptive Card templates in cards/; Slack: Block Kit).
 */
export type View = { [K in CardKind]: { readonly kind: K; readonly data: CardData[K] } }[CardKind];

/** What the core sends: a plain text message or a view (with a one-line summary for notifications). */
export type OutboundMessage =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'view'; readonly view: View; readonly summary?: string };

/** A member of a conversation as the platform's roster knows them. */
export interface ChatMember {
  /** The chat id (a Teams MRI, `29:…`): what user-specific card views and mentions need. */
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

/**
 * A roster answer: the person is a member, is not (the roster said so), or the roster could not be
 * asked (network, throttling, no roster on this platform) — then nothing is known either way.
 */
export type MemberLookup =
  | { readonly kind: 'member'; readonly member: ChatMember }
  | { readonly kind: 'not-member' }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The outbound side of a chat platform, usable inside and outside a turn. */
export interface ChatPort {
  /**
   * Posts a new message into a conversation; resolves to the new message id when known. Rejects
   * when the platform refused or could not be reached: callers must not report success then.
   */
  post(target: ChatTarget, message: OutboundMessage): Promise<string | undefined>;
  /** Replaces an earlier message (a card updated in place). Rejects like `post`. */
  update(target: ChatTarget, activityId: string, message: OutboundMessage): Promise<void>;
  /**
   * Looks `userId` (an aadObjectId or a chat id) up in the roster of the conversation `target` is
   * in. Never rejects. Absent on platforms without a roster.
   */
  lookupMember?(target: ChatTarget, userId: string): Promise<MemberLookup>;
}

/**
 * What the core answers to a card action: the card that replaces the clicked one — for everyone
 * (`scope: 'all'`) or only for the person who clicked (`scope: 'clicker'`, e.g. a refresh showing an
 * approver the buttons) — or a short text shown to the clicker.
 */
export type CardActionResult =
  | { readonly kind: 'view'; readonly view: View; readonly scope: 'all' | 'clicker' }
  | { readonly kind: 'message'; readonly text: string };

/** The core as every chat edge sees it. Implemented by `createAssistant`. */
export interface ChatHandler {
  /** Answers a message; `reply` posts into the same conversation and returns the new message id. */
  handleMessage(
    request: ChatRequest,
    reply: (message: OutboundMessage) => Promise<string | undefined>,
  ): Promise<void>;
  handleCardAction(request: CardActionRequest): Promise<CardActionResult>;
  /** The welcome posted when the bot is added to a team or chat (worded for that kind of conversation). */
  welcome(conversationType: ConversationType): OutboundMessage;
  /** The friendly message for an unexpected failure, naming a correlation id. */
  failure(correlationId: string, userMessage: string): OutboundMessage;
}
