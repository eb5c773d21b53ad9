import { isAppError } from '../errors.js';
import type { HttpTransport } from './http.js';
import { currentUserSchema } from './schemas.js';
import type { ConfluenceClient } from './types.js';

/** Atlassian account ids: `557058:uuid`, a 24-hex legacy id, or similar (never anything with a slash or space). */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
/** People whose names a client remembers (oldest forgotten first). */
const MAX_CACHED_USERS = 1_000;

/**
 * The client's people look-ups: who the credentials belong to, and display names by account id
 * (cached per client, at most MAX_CACHED_USERS, oldest forgotten first; a name Confluence hides is
 * remembered as unknown). `getUserName` never throws.
 */
export function createUserLookup(
  http: HttpTransport,
): Pick<ConfluenceClient, 'getCurrentUser' | 'getUserName'> {
  const userNames = new Map<string, string | undefined>();
  return {
    async getCurrentUser() {
      const user = await http.request(
        { method: 'GET', path: '/wiki/rest/api/user/current' },
        currentUserSchema,
      );
      return {
        accountId: user.accountId,
        displayName: user.displayName || user.publicName || user.accountId,
        ...(user.email ? { email: user.email } : {}),
      };
    },
    async getUserName(accountId) {
      if (!ACCOUNT_ID.test(accountId)) return undefined;
      if (userNames.has(accountId)) return userNames.get(accountId);
      let name: string | undefined;
      try {
        const user = await http.request(
          { method: 'GET', path: '/wiki/rest/api/user', query: { accountId } },
          currentUserSchema,
        );
        name = user.displayName || user.publicName || undefined;
      } catch (error) {
        if (!isAppError(error, 'CONFLUENCE_NOT_FOUND', 'CONFLUENCE_FORBIDDEN')) return undefined;
      }
      if (userNames.size >= MAX_CACHED_USERS) userNames.delete(userNames.keys().next().value as string);
      userNames.set(accountId, name);
      return name;
    },
  };
}
