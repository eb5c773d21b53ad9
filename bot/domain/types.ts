/** Shared vocabulary of the core. No chat-platform or Confluence wire types here. */

export const OPERATIONS = ['search', 'get', 'create', 'update'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const PERMISSIONS = ['allowed', 'confirm', 'denied'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A person as the chat platform identifies them. `aadObjectId` is preferred for role checks. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

/** The id used for role lists: aadObjectId when present, else the channel user id. */
export function actorKey(actor: Actor): string {
  return actor.aadObjectId ?? actor.id;
}

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/**
 * Where a request came from. `channelKey` is what settings are keyed by: a Teams channel id (all
 * threads share it) or the chat's conversation id.
 */
export interface ConversationRef {
  readonly conversationId: string;
  readonly channelKey: string;
  readonly type: ConversationType;
  readonly tenantId?: string;
  readonly teamId?: string;
}
