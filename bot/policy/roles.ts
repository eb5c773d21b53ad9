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
 * case-insensitive match of one of `emails`: the addresses the chat platform vouches for this actor
 * (Slack's users.info; looked up at the edge, never here). Empty ids never match. Admins are NOT approvers by
 * default: approving writes is a separate duty, named per channel (or in BOT_APPROVERS), so that
 * an admin account is not automatically a second pair of eyes. Pure.
 */
export function resolveRoles(actor: Actor, lists: RoleLists, emails: readonly string[] = []): Roles {
  const ids = new Set([actorKey(actor), actor.id].filter((id) => id.length > 0));
  const addresses = new Set(emails.filter((email) => email.includes('@')).map((e) => e.toLowerCase()));
  const matches = (list: readonly string[]): boolean =>
    list.some(
      (entry) =>
        entry.length > 0 && (ids.has(entry) || (entry.includes('@') && addresses.has(entry.toLowerCase()))),
    );
  return {
    isAdmin: matches(lists.envAdmins) || matches(lists.grantedAdmins),
    isApprover: matches(lists.envApprovers) || matches(lists.channelApprovers),
  };
}
