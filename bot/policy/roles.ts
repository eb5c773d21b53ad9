import { type Actor, actorKey } from '../domain/types.js';

/** Role lists, each of user ids (aadObjectId preferred, else the channel user id). */
export interface RoleLists {
  readonly envAdmins: readonly string[];
  readonly grantedAdmins: readonly string[];
  readonly envApprovers: readonly string[];
  readonly channelApprovers: readonly string[];
}

/** What an actor may do beyond the channel policy. */
export interface Roles {
  readonly isAdmin: boolean;
  readonly isApprover: boolean;
}

/**
 * Resolves roles by exact, case-sensitive id match of `actorKey(actor)` — and also `actor.id`, so a
 * list written with channel ids still works — or, for an entry that is an email address, by
 * case-insensitive match of the email the chat edge vouched for (`actor.email`, Slack users).
 * Empty ids never match. Admins are NOT approvers by
 * default: approving writes is a separate duty, named per channel (or in BOT_APPROVERS), so that
 * an admin account is not automatically a second pair of eyes. Pure.
 */
export function resolveRoles(actor: Actor, lists: RoleLists): Roles {
  const ids = new Set([actorKey(actor), actor.id].filter((id) => id.length > 0));
  const email = actor.email?.toLowerCase();
  const matches = (list: readonly string[]): boolean =>
    list.some(
      (entry) =>
        entry.length > 0 &&
        (ids.has(entry) || (email !== undefined && entry.includes('@') && entry.toLowerCase() === email)),
    );
  return {
    isAdmin: matches(lists.envAdmins) || matches(lists.grantedAdmins),
    isApprover: matches(lists.envApprovers) || matches(lists.channelApprovers),
  };
}
