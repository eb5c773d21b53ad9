import type { Actor } from '../domain/types.js';
import type { Logger } from '../logger.js';
import type { SlackApi } from './slack-api.js';
import { slackActorId } from './to-chat-request.js';

/** Who a Slack user is, for actors and mentions: name and (with users:read.email) email. */
export interface SlackPerson {
  readonly name: string;
  readonly email?: string;
}

/** Slack users as the core sees them, looked up with users.info and remembered for a while. */
export interface SlackPeople {
  /**
   * The actor for a Slack user: id `slack:U…` and the display name; the email Slack gives is kept
   * for {@link SlackPeople.emailOf} (role lists may name people by email). When users.info fails the
   * actor still has its id, with `fallbackName` (the payload's handle): it matches id entries only.
   */
  actor(userId: string, fallbackName?: string): Promise<Actor>;
  /** The email users.info gave for actor id `slack:U…` (remembered from `actor`), lowercased. */
  emailOf(actorId: string): string | undefined;
  /** Display names of `userIds` (for mentions); failed look-ups are left out. */
  names(userIds: readonly string[]): Promise<Map<string, string>>;
}

/** Options of {@link createSlackPeople}. */
export interface SlackPeopleOptions {
  readonly api: Pick<SlackApi, 'usersInfo'>;
  readonly logger: Logger;
  /** People remembered at most (oldest forgotten first). Default 5,000. */
  readonly maxEntries?: number;
  /** How long an answer is trusted (a renamed person or changed email shows after this). Default 1 h. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * A bounded, expiring cache over users.info. Concurrent look-ups of one user share one call; a
 * failed look-up is not remembered (the next message asks again).
 */
export function createSlackPeople(options: SlackPeopleOptions): SlackPeople {
  const maxEntries = options.maxEntries ?? 5_000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { person: Promise<SlackPerson>; expires: number }>();
  const emails = new Map<string, string>();

  const lookUp = (userId: string): Promise<SlackPerson> => {
    const hit = cache.get(userId);
    if (hit && hit.expires > now()) return hit.person;
    const person = options.api.usersInfo(userId).then((user) => {
      emails.delete(userId);
      if (user.email !== undefined) {
        emails.set(userId, user.email.toLowerCase());
        if (emails.size > maxEntries) emails.delete(emails.keys().next().value as string);
      }
      return { name: user.name, ...(user.email !== undefined ? { email: user.email.toLowerCase() } : {}) };
    });
    cache.delete(userId);
    cache.set(userId, { person, expires: now() + ttlMs });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    person.catch(() => {
      if (cache.get(userId)?.person === person) cache.delete(userId);
    });
    return person;
  };

  const tryLookUp = async (userId: string): Promise<SlackPerson | undefined> => {
    try {
      return await lookUp(userId);
    } catch (error) {
      options.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'slack users.info failed',
      );
      return undefined;
    }
  };

  return {
    async actor(userId, fallbackName) {
      const person = await tryLookUp(userId);
      return { id: slackActorId(userId), name: person?.name ?? fallbackName ?? userId };
    },
    emailOf(actorId) {
      return actorId.startsWith('slack:') ? emails.get(actorId.slice('slack:'.length)) : undefined;
    },
    async names(userIds) {
      const found = await Promise.all(
        [...new Set(userIds)].map(async (id) => [id, (await tryLookUp(id))?.name] as const),
      );
      return new Map(found.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
    },
  };
}
