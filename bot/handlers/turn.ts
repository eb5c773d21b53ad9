import type { z } from 'zod';
import { type AuditFacts, recordAudit } from '../assistant/audit-events.js';
import { type ChannelContext, channelContext } from '../assistant/channel-context.js';
import type { AssistantDeps } from '../assistant/deps.js';
import type {
  CardActionRequest,
  CardActionResult,
  ChatRequest,
  ChatTarget,
  OutboundMessage,
} from '../domain/chat.js';
import type { Actor, ConversationRef } from '../domain/types.js';
import type { Intent } from '../intent/types.js';
import type { Verb } from '../views/verbs.js';

/** Posts into the conversation of the turn; resolves to the new message id when known. */
export type Reply = (message: OutboundMessage) => Promise<string | undefined>;

/** An audit event of this turn: actor and conversation are the turn's; the connector defaults to the channel's. */
export type TurnAuditFacts = Omit<AuditFacts, 'actor' | 'conversationId' | 'connector'> & {
  readonly connector?: string;
};

/**
 * Everything a handler needs about one turn: who acts, where, the channel's settings as they are
 * now, and an audit writer that fills in actor, conversation and connector.
 */
export interface Turn {
  readonly deps: AssistantDeps;
  readonly actor: Actor;
  readonly conversation: ConversationRef;
  readonly target: ChatTarget;
  /** The channel's settings, roles and connector, read now (never cached across awaits). */
  channel(): ChannelContext;
  /** Appends an audit entry for this turn and resolves once it is durable. */
  audit(facts: TurnAuditFacts): Promise<void>;
}

/** A message turn: the request and the way to answer it. */
export interface MessageTurn extends Turn {
  readonly chat: ChatRequest;
  readonly reply: Reply;
}

/** A card action turn: the click (its data is a claim, parsed by the handler's schema). */
export interface ActionTurn extends Turn {
  readonly action: CardActionRequest;
}

function turnOf(deps: AssistantDeps, actor: Actor, conversation: ConversationRef, target: ChatTarget): Turn {
  const channel = () => channelContext(deps, actor, conversation.channelKey);
  return {
    deps,
    actor,
    conversation,
    target,
    channel,
    audit: (facts) =>
      recordAudit(deps, {
        ...facts,
        actor,
        conversationId: conversation.conversationId,
        connector: facts.connector ?? channel().connector?.name,
      }),
  };
}

/** The turn of a message. */
export function messageTurn(deps: AssistantDeps, chat: ChatRequest, reply: Reply): MessageTurn {
  return { ...turnOf(deps, chat.actor, chat.conversation, chat.target), chat, reply };
}

/** The turn of a card action. */
export function actionTurn(deps: AssistantDeps, action: CardActionRequest): ActionTurn {
  return { ...turnOf(deps, action.actor, action.conversation, action.target), action };
}

/**
 * One card action as written: its verb, the schema its data must match (a claim: the handler
 * re-checks everything it refers to) and its handler, which gets the parsed input.
 */
export interface CardActionSpec<Input> {
  readonly verb: Verb;
  readonly input: z.ZodType<Input, z.ZodTypeDef, unknown>;
  handle(turn: ActionTurn, input: Input): Promise<CardActionResult>;
}

/** A registered card action: `run` parses the card data (throwing a ZodError when it does not fit) and handles it. */
export interface CardAction {
  readonly verb: Verb;
  run(turn: ActionTurn): Promise<CardActionResult>;
}

/** Declares a card action; its input type is inferred from the schema. */
export function defineCardAction<Input>(spec: CardActionSpec<Input>): CardAction {
  return { verb: spec.verb, run: (turn) => spec.handle(turn, spec.input.parse(turn.action.data)) };
}

/** Handlers for every intent kind, one entry each (TypeScript checks the set is complete). */
export type IntentHandlers = {
  readonly [K in Intent['kind']]: (turn: MessageTurn, intent: Extract<Intent, { kind: K }>) => Promise<void>;
};
