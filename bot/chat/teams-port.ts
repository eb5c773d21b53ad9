/**
 * The outbound side of the Teams edge: a ChatPort that posts, updates cards and looks up roster
 * members outside a turn, addressed by the conversation references the channel sent (learnt on every
 * inbound turn by `rememberReference`).
 */
import { type ConversationReference, TeamsInfo, TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import type { ChatPort, ChatTarget, MemberLookup } from '../domain/chat.js';
import type { ConversationType } from '../domain/types.js';
import type { Logger } from '../logger.js';
import type { ConversationReferences, StoredReference } from './conversation-references.js';
import { toActivity } from './teams-activity.js';
import type { GatedTeamsAdapter } from './teams-adapter.js';

/** Dependencies of `createTeamsPort`. */
export interface TeamsPortDeps {
  readonly adapter: GatedTeamsAdapter;
  readonly config: Config;
  readonly references: ConversationReferences;
}

/**
 * The Teams ChatPort. `post` resolves with the new activity id; `update` replaces a card in place;
 * `lookupMember` answers `not-member` when the roster says so (400/403/404) and `unavailable`
 * otherwise. Post and update reject with the channel's error.
 */
export function createTeamsPort(deps: TeamsPortDeps): ChatPort {
  const { adapter, config, references } = deps;
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

  return {
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
}

/** Keeps the real reference of the turn's conversation for later posts (never fails the turn). */
export function rememberReference(
  references: ConversationReferences,
  context: TurnContext,
  logger: Logger,
): void {
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
}

/** A best guess from the id alone, for a conversation the bot never heard from. */
function guessConversationType(conversationId: string): ConversationType {
  if (conversationId.startsWith('a:')) return 'personal';
  return conversationId.includes('@thread.tacv2') || conversationId.includes('@thread.skype')
    ? 'channel'
    : 'groupChat';
}
