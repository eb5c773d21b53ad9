import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { openJsonDocument } from '../stores/json-document.js';

/** Conversations remembered; the least recently heard is forgotten first. */
export const MAX_CONVERSATION_REFERENCES = 5_000;

const text = (max: number) => z.string().max(max);

const accountSchema = z.object({
  id: text(300).min(1),
  name: text(300).optional(),
  aadObjectId: text(100).optional(),
});

/**
 * The parts of a Bot Framework ConversationReference the bot needs to post into a conversation
 * later. The per-message `activityId` is dropped (it would make every message a write), and so is
 * the sender in group conversations (it changes with every speaker and is not needed to post).
 */
export const storedReferenceSchema = z.object({
  channelId: text(50).min(1),
  serviceUrl: text(2_000).min(1),
  conversation: z.object({
    id: text(500).min(1),
    conversationType: text(50).optional(),
    tenantId: text(100).optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: accountSchema,
  user: accountSchema.optional(),
  locale: text(50).optional(),
});

/** A remembered conversation reference (see `storedReferenceSchema`). */
export type StoredReference = z.infer<typeof storedReferenceSchema>;

const entrySchema = z.object({ channelKey: text(500).min(1), reference: storedReferenceSchema });

const fileSchema = z.object({
  conversations: z.array(entrySchema).max(MAX_CONVERSATION_REFERENCES),
});

type Entry = z.infer<typeof entrySchema>;

/**
 * The real ConversationReference of every conversation the bot has heard from, so proactive posts
 * and card updates carry the ids the channel expects (a made-up reference is refused, e.g. by the
 * Agents Playground with 400 "Invalid input"). Bounded; keyed by conversation id.
 */
export interface ConversationReferences {
  /** Records what a turn showed; returns true when it was new or changed. */
  remember(channelKey: string, reference: StoredReference): boolean;
  /**
   * The reference for `conversationId`; else one from another thread of the same channel
   * (`channelKey`) with the conversation id swapped in; else undefined.
   */
  find(conversationId: string, channelKey: string): StoredReference | undefined;
  /** The bot's own account as the channel last addressed it (for a reference built from scratch). */
  botAccount(): StoredReference['bot'] | undefined;
  /** Entries, least recently changed first (for persistence). */
  entries(): Entry[];
}

/**
 * Keeps only what is posted with, so an unchanged conversation compares equal (not yet checked
 * against the schema).
 */
function pickFields(reference: StoredReference): StoredReference {
  const personal = reference.conversation.conversationType === 'personal';
  return {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: {
      id: reference.conversation.id,
      ...(reference.conversation.conversationType
        ? { conversationType: reference.conversation.conversationType }
        : {}),
      ...(reference.conversation.tenantId ? { tenantId: reference.conversation.tenantId } : {}),
      ...(reference.conversation.isGroup !== undefined ? { isGroup: reference.conversation.isGroup } : {}),
    },
    bot: reference.bot,
    ...(personal && reference.user ? { user: reference.user } : {}),
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
}

/** An in-memory directory, optionally seeded with saved entries (oldest first). */
export function createConversationReferences(initial: readonly Entry[] = []): ConversationReferences {
  const byId = new Map<string, Entry>();
  const byChannel = new Map<string, string>();
  let bot: StoredReference['bot'] | undefined;
  const set = (entry: Entry) => {
    byId.delete(entry.reference.conversation.id);
    byId.set(entry.reference.conversation.id, entry);
    byChannel.set(entry.channelKey, entry.reference.conversation.id);
    bot = entry.reference.bot;
    if (byId.size > MAX_CONVERSATION_REFERENCES) {
      const [oldestId, oldest] = byId.entries().next().value as [string, Entry];
      byId.delete(oldestId);
      if (byChannel.get(oldest.channelKey) === oldestId) byChannel.delete(oldest.channelKey);
    }
  };
  for (const entry of initial) set(entry);
  return {
    remember(channelKey, reference) {
      const picked = { channelKey, reference: pickFields(reference) };
      const known = byId.get(picked.reference.conversation.id);
      // Every turn of a conversation shows the same reference: one equal to the stored (already
      // checked) entry needs no schema check, which is most of this per-turn cost.
      if (known && JSON.stringify(known) === JSON.stringify(picked)) {
        bot = known.reference.bot;
        return false;
      }
      const entry = { channelKey, reference: storedReferenceSchema.parse(picked.reference) };
      bot = entry.reference.bot;
      set(entry);
      return true;
    },
    find(conversationId, channelKey) {
      const exact = byId.get(conversationId);
      if (exact) return exact.reference;
      const sibling = byId.get(byChannel.get(channelKey) ?? '');
      if (!sibling) return undefined;
      return {
        ...sibling.reference,
        conversation: { ...sibling.reference.conversation, id: conversationId },
      };
    },
    botAccount: () => bot,
    entries: () => [...byId.values()],
  };
}

/**
 * The directory backed by `<dataDir>/conversations.json` (mode 0600: it names people and
 * conversations), so posts after a restart still use real references. Rewritten only when a
 * reference is new or changed (once per burst); a failed write is logged and retried with the
 * next change.
 */
export async function openConversationReferences(
  dataDir: string,
  logger: Logger,
): Promise<ConversationReferences> {
  const document = await openJsonDocument(join(dataDir, 'conversations.json'), fileSchema, {
    conversations: [],
  });
  const directory = createConversationReferences(document.read().conversations);
  let saveQueued = false;
  return {
    ...directory,
    remember(channelKey, reference) {
      const changed = directory.remember(channelKey, reference);
      if (changed && !saveQueued) {
        saveQueued = true;
        void document
          .update((draft) => {
            saveQueued = false;
            draft.conversations = directory.entries();
          })
          .catch((error: unknown) =>
            logger.warn({ err: String(error) }, 'could not save the conversation references'),
          );
      }
      return changed;
    },
  };
}
