/**
 * What callers hand the connector store (a connector from chat, the bootstrap connector from
 * CONFLUENCE_* variables) and its checks, each throwing `AppError('INPUT_INVALID')` with a message
 * an admin can act on.
 */
import { z } from 'zod';
import type { Platform } from '../domain/chat.js';
import { AppError } from '../errors.js';
import { normalizeSpaceKeys, requireSpaceKey } from '../policy/space-keys.js';
import type { Secret } from '../secret.js';

/** Input of `upsert`. `spaces` defaults to none (fail closed) for a new connector, unchanged otherwise. */
export interface UpsertConnectorInput {
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
  readonly spaces?: readonly string[] | '*';
  readonly tokenExpiresAt?: Date;
  /** The platform of the setup conversation (absent = Teams, as before Slack existed). */
  readonly setupPlatform?: Platform;
  readonly setupConversationId?: string;
  /** The channel endpoint of the setup conversation (for admin notices such as token expiry). */
  readonly setupServiceUrl?: string;
  readonly createdBy?: string;
}

/** The bootstrap connector described by CONFLUENCE_* environment variables. */
export interface BootstrapConnector {
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
  /** From CONFLUENCE_SPACES; empty = leave the stored list alone (none for a new connector). */
  readonly spaces: readonly string[] | '*';
}

/** The account email, trimmed; throws when it is not an email address. */
export function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (!z.string().email().safeParse(trimmed).success) {
    throw new AppError('INPUT_INVALID', { userMessage: 'The account email is not a valid email address.' });
  }
  return trimmed;
}

/** Canonical, de-duplicated space keys (or `'*'`); throws on the first malformed key. */
export function checkSpaces(spaces: readonly string[] | '*'): string[] | '*' {
  if (spaces === '*') {
    return '*';
  }
  const { keys, malformed } = normalizeSpaceKeys(spaces);
  if (malformed.length > 0) {
    requireSpaceKey(malformed[0] ?? '');
  }
  return keys;
}

/** Throws when the API token is empty or contains white space. */
export function checkToken(token: Secret): void {
  if (token.isEmpty() || /\s/.test(token.reveal())) {
    throw new AppError('INPUT_INVALID', { userMessage: 'The API token is empty or contains spaces.' });
  }
}
