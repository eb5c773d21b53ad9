import { randomUUID } from 'node:crypto';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  ConfigurationServiceClientCredentialFactory,
  type ConversationReference,
  INVOKE_RESPONSE_KEY,
  type InvokeResponse,
  MessageFactory,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import type {
  CardActionResult,
  ChatHandler,
  ChatPort,
  ChatTarget,
  MemberLookup,
  OutboundMessage,
  View,
} from '../domain/chat.js';
import type { ConversationType } from '../domain/types.js';
import { toAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { renderCard } from '../views/render-card.js';
import type { AdaptiveCardJson } from '../views/types.js';
import {
  type ConversationReferences,
  createConversationReferences,
  type StoredReference,
} from './conversation-references.js';
import {
  checkChannel,
  checkInbound,
  createInboundPolicy,
  type InboundPolicy,
  type InboundRefusal,
} from './inbound-gate.js';
import { toCardActionRequest, toChatRequest } from './to-chat-request.js';

/** What became of one inbound POST, for the HTTP edge to answer. */
export type InboundOutcome =
  /** Authentication failed: answer 401 with no detail. `reason` is for one short log line only. */
  | { readonly kind: 'unauthorized'; readonly reason: string }
  /** Authenticated (or auth off) but from a tenant or channel the bot does not serve: answer 403. */
  | { readonly kind: 'refused'; readonly refusal: InboundRefusal }
  /** The turn ran: answer `status` with `body` (an invoke response, or 200 and nothing). */
  | { readonly kind: 'handled'; readonly status: number; readonly body?: unknown };

/** The Teams edge as the HTTP server and the core see it. */
export interface TeamsBot {
  readonly adapter: TeamsAdapter;
  readonly app: Application<TurnState>;
  readonly port: ChatPort;
  /** The tenants and channels served (from config). */
  readonly inboundPolicy: InboundPolicy;
  /**
   * Handles one parsed request body: channel check, authentication (Bot Framework JWT; skipped
   * when BOT_ID is unset), tenant check, then the turn. Nothing runs and nothing is sent before
   * all three pass. Rejects only when the turn itself fails unexpectedly.
   */
  receive(body: Record<string, unknown>, authorization: string): Promise<InboundOutcome>;
}

/**
 * Where the Bot Framework publishes the keys that sign inbound tokens. Tests point this at a
 * loopback stub so authentication never needs the network; production leaves it unset (public cloud).
 */
export interface BotAuthEndpoints {
  /** OpenID metadata document for channel and Emulator/skill tokens alike. */
  readonly openIdMetadataUrl: string;
}

/** The public cloud's values, spelled out because setting any endpoint makes botbuilder expect them all. */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

/**
 * TeamsAdapter with authentication split from the turn, so the edge can check the tenant between
 * the two and answer every authentication failure itself (botbuilder's own `process` answers a
 * failed key download with 500 and the raw error text, and prints a stack trace per request).
 */
class GatedTeamsAdapter extends TeamsAdapter {
  /** Authenticates `activity`; resolves with a runner for its turn. Throws on any failure. */
  async authenticate(
    activity: Activity,
    authorization: string,
  ): Promise<(logic: (context: TurnContext) => Promise<void>) => Promise<InvokeResponse | undefined>> {
    const result = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    return (logic) => this.processActivity(result, activity, logic);
  }
}

/** What botbuilder's `process` does to a parsed body before a turn: ISO strings become Dates. */
function toBotActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

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

async function sendInvokeResponse(context: TurnContext, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Options of the Teams edge. */
export interface TeamsEdgeOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Signing-key endpoints (tests only); default: the Bot Framework public cloud. */
  readonly authEndpoints?: BotAuthEndpoints;
  /** Where real conversation references are kept (default: memory only). */
  readonly references?: ConversationReferences;
}

/**
 * The Teams edge before it serves: the Bot Framework adapter and the outbound port. Built first, so
 * the core gets a working port at construction; `serve` then builds the inbound side around the core.
 */
export interface TeamsEdge {
  readonly adapter: TeamsAdapter;
  readonly port: ChatPort;
  /** Builds the teams-ai Application with its routes for `handler`, behind the inbound gate. */
  serve(handler: ChatHandler, verbs: readonly string[]): TeamsBot;
}

/**
 * Builds the Teams edge: the Bot Framework adapter (authentication from config; off when BOT_ID is
 * unset) and a ChatPort for proactive posts and updates; `serve` adds the teams-ai Application.
 * This folder is the only code that imports botbuilder or teams-ai.
 */
export function createTeamsEdge(options: TeamsEdgeOptions): TeamsEdge {
  const { config, logger } = options;
  const references = options.references ?? createConversationReferences();
  const auth = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password?.reveal() ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const endpoints = options.authEndpoints
    ? {
        ...PUBLIC_CLOUD,
        ToBotFromChannelOpenIdMetadataUrl: options.authEndpoints.openIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: options.authEndpoints.openIdMetadataUrl,
      }
    : {};
  const adapter = new GatedTeamsAdapter(
    { ...auth, ...endpoints },
    new ConfigurationServiceClientCredentialFactory(auth),
  );
  /**
   * The reference to post with: the real one the channel sent (exact conversation, else another
   * thread of the same channel), and only for a conversation never heard from one built from the
   * target, with the bot id the channel last addressed.
   */
  const referenceOf = (target: ChatTarget): Partial<ConversationReference> => {
    const known = references.find(target.conversationId, target.channelKey);
    if (known) return known as Partial<ConversationReference>;
    const bot = references.botAccount() ?? {
      id: config.bot.appId ? `28:${config.bot.appId}` : 'bot',
      name: 'Confluence Assistant',
    };
    return {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: {
        id: target.conversationId,
        isGroup: !target.conversationId.startsWith('a:'),
        conversationType: guessConversationType(target.conversationId),
        name: '',
        ...(target.tenantId ? { tenantId: target.tenantId } : {}),
      },
      bot: { id: bot.id, name: bot.name ?? 'Confluence Assistant' },
    };
  };

  /**
   * Runs `logic` in a conversation outside a turn and rejects with its error. (botbuilder hands
   * errors inside a continuation to the adapter's turn-error handler, which would post "Something
   * went wrong" into that conversation and let the caller believe the post worked.)
   */
  const continueIn = async (
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> => {
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(config.bot.appId ?? '', reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  };

  const port: ChatPort = {
    async post(target, message) {
      let id: string | undefined;
      await continueIn(referenceOf(target), async (context) => {
        id = (await context.sendActivity(toActivity(message)))?.id;
      });
      return id;
    },
    async update(target, activityId, message) {
      await continueIn(referenceOf(target), async (context) => {
        const activity = toActivity(message);
        activity.id = activityId;
        await context.updateActivity(activity);
      });
    },
    async lookupMember(target, userId): Promise<MemberLookup> {
      const reference = referenceOf(target);
      const rosterId = target.conversationId.split(';messageid=')[0]!;
      let result: MemberLookup = { kind: 'unavailable', reason: 'no answer' };
      try {
        await continueIn(
          { ...reference, conversation: { ...reference.conversation!, id: rosterId } },
          async (context) => {
            const member = await TeamsInfo.getMember(context, userId);
            result = member?.id
              ? {
                  kind: 'member',
                  member: {
                    id: member.id,
                    name: member.name?.trim() || userId,
                    ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
                  },
                }
              : { kind: 'unavailable', reason: 'empty roster answer' };
          },
        );
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        result =
          status === 400 || status === 403 || status === 404
            ? { kind: 'not-member' }
            : { kind: 'unavailable', reason: String((error as Error)?.message ?? error).slice(0, 200) };
      }
      return result;
    },
  };

  const serve = (handler: ChatHandler, verbs: readonly string[]): TeamsBot => {
    const inboundPolicy = createInboundPolicy({
      authEnabled: config.bot.authEnabled,
      tenants: [...(config.bot.tenantId ? [config.bot.tenantId] : []), ...config.bot.allowedTenants],
    });
    const app = new Application<TurnState>({
      adapter,
      botAppId: config.bot.appId ?? '',
      removeRecipientMention: false,
      startTypingTimer: false,
      longRunningMessages: false,
    });

    const failWith = async (context: TurnContext, error: unknown, where: string): Promise<void> => {
      const correlationId = randomUUID().slice(0, 8);
      const appError = toAppError(error);
      logger.error(
        { correlationId, where, err: appError, cause: String((error as Error)?.message ?? error) },
        'turn failed',
      );
      if (!context.activity?.serviceUrl || !context.activity.conversation?.id) {
        logger.warn({ correlationId }, 'no reply address on the activity; the failure message was not sent');
        return;
      }
      try {
        await context.sendActivity(toActivity(handler.failure(correlationId, appError.userMessage)));
      } catch (sendError) {
        logger.error({ correlationId, err: String(sendError) }, 'could not send the failure message');
      }
    };

    app.conversationUpdate('membersAdded', async (context) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((member) => member.id === botId)) {
        await context.sendActivity(toActivity(handler.welcome(conversationTypeOf(context.activity))));
      }
    });

    const onAction = async (context: TurnContext): Promise<string> => {
      let result: CardActionResult | { kind: 'card'; card: AdaptiveCardJson; scope: 'clicker' };
      try {
        result = await handler.handleCardAction(toCardActionRequest(context.activity));
      } catch (error) {
        const correlationId = randomUUID().slice(0, 8);
        const appError = toAppError(error);
        logger.error({ correlationId, err: appError }, 'card action failed');
        result = {
          kind: 'card',
          card: failureCard(handler, correlationId, appError.userMessage),
          scope: 'clicker',
        };
      }
      if (result.kind === 'message') {
        await sendInvokeResponse(context, {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: result.text,
        });
        return result.text;
      }
      const card = result.kind === 'view' ? renderView(result.view) : result.card;
      if (result.scope === 'all' && context.activity.replyToId) {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        activity.id = context.activity.replyToId;
        try {
          await context.updateActivity(activity);
        } catch (error) {
          logger.warn({ err: String(error) }, 'could not update the card for everyone');
        }
      }
      await sendInvokeResponse(context, {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: card,
      });
      return '';
    };
    for (const verb of verbs) {
      app.adaptiveCards.actionExecute(verb, async (context) => onAction(context));
    }
    app.adaptiveCards.actionExecute(/.*/, async (context) => onAction(context));

    app.activity(ActivityTypes.Message, async (context) => {
      try {
        const request = toChatRequest(context.activity);
        await handler.handleMessage(
          request,
          async (message) => (await context.sendActivity(toActivity(message)))?.id,
        );
      } catch (error) {
        await failWith(context, error, 'message');
      }
    });

    app.error(async (context, error) => {
      if (context.turnState.get(INVOKE_RESPONSE_KEY)) {
        logger.error({ err: String(error) }, 'error after the turn answered');
        return;
      }
      await failWith(context, error, 'turn');
    });

    /** Keeps the real reference of every conversation heard from (never fails the turn). */
    const rememberReference = (context: TurnContext): void => {
      const activity = context.activity;
      if (!activity?.serviceUrl || !activity.conversation?.id || !activity.recipient?.id) return;
      try {
        const reference = TurnContext.getConversationReference(activity);
        const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
        const channelKey =
          activity.conversation.conversationType === 'channel' && channelData?.channel?.id
            ? channelData.channel.id
            : activity.conversation.id.split(';messageid=')[0]!;
        references.remember(channelKey, reference as unknown as StoredReference);
      } catch (error) {
        logger.warn(
          { err: String((error as Error)?.message ?? error) },
          'could not remember a conversation reference',
        );
      }
    };

    const receive = async (body: Record<string, unknown>, authorization: string): Promise<InboundOutcome> => {
      const channel = checkChannel(body, inboundPolicy);
      if (!channel.ok) return { kind: 'refused', refusal: channel.refusal };
      if (config.bot.authEnabled && authorization.trim().length === 0) {
        return { kind: 'unauthorized', reason: 'no Authorization header' };
      }
      const activity = toBotActivity(body);
      let run: Awaited<ReturnType<GatedTeamsAdapter['authenticate']>>;
      try {
        run = await adapter.authenticate(activity, authorization);
      } catch (error) {
        return { kind: 'unauthorized', reason: String((error as Error)?.message ?? error) };
      }
      const decision = checkInbound(body, inboundPolicy);
      if (!decision.ok) return { kind: 'refused', refusal: decision.refusal };
      const response = await run(async (context) => {
        rememberReference(context);
        await app.run(context);
      });
      return { kind: 'handled', status: response?.status ?? 200, body: response?.body };
    };

    return { adapter, app, port, inboundPolicy, receive };
  };

  return { adapter, port, serve };
}

/** The Teams edge in one step (tests and tools that do not need the port before the core). */
export function createTeamsBot(
  options: TeamsEdgeOptions & { readonly handler: ChatHandler; readonly verbs: readonly string[] },
): TeamsBot {
  return createTeamsEdge(options).serve(options.handler, options.verbs);
}

/** The kind of conversation an activity comes from (Teams omits the type in some events). */
function conversationTypeOf(activity: Activity): ConversationType {
  const raw = activity.conversation?.conversationType;
  if (raw === 'channel' || raw === 'groupChat' || raw === 'personal') return raw;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** A best guess from the id alone, for a conversation the bot never heard from. */
function guessConversationType(conversationId: string): ConversationType {
  if (conversationId.startsWith('a:')) return 'personal';
  return conversationId.includes('@thread.tacv2') || conversationId.includes('@thread.skype')
    ? 'channel'
    : 'groupChat';
}

function failureCard(handler: ChatHandler, correlationId: string, userMessage: string): AdaptiveCardJson {
  const message = handler.failure(correlationId, userMessage);
  return message.kind === 'view'
    ? renderView(message.view)
    : { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: message.text, wrap: true }] };
}
