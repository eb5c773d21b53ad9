import { Secret } from '../secret.js';

/**
 * Normalised names (lowercase, letters and digits only) of keys whose values never enter the audit
 * log, at any depth of `details`. Matched exactly, so neighbours that merely mention a secret
 * (`tokenExpiresAt`, `tokenRotatedAt`, `passwordChangedAt`) keep their value: those are dates an
 * auditor needs.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'token',
  'apitoken',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'bearertoken',
  'authtoken',
  'bottoken',
  'apptoken',
  'slackbottoken',
  'slackapptoken',
  'confluenceapitoken',
  'password',
  'passwd',
  'botpassword',
  'passphrase',
  'secret',
  'clientsecret',
  'secretkey',
  'signingsecret',
  'slacksigningsecret',
  'apikey',
  'privatekey',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'credentials',
]);

/**
 * Suffixes that also mark a key as secret (`githubToken`, `adminPassword`, `webhookSecret`): a key
 * *ending* in one of these names a credential, whereas one that continues after it (`tokenExpiresAt`)
 * names something about the credential.
 */
const SECRET_SUFFIXES = ['token', 'password', 'secret', 'apikey', 'privatekey'] as const;

/** What replaces a stripped value. */
export const REDACTED = '[redacted]';

/** True when the value stored under `key` must never be written to the audit log. */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEYS.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/**
 * Defence in depth for `details`: turns it into plain JSON data (a JSON round trip, so `toJSON` is
 * honoured, Dates become strings and undefined members vanish), replacing the value of every secret
 * key (`isSecretKey`) and every `Secret` instance, at any depth, with `[redacted]`. Returns the names
 * of the keys it stripped (never their values). Throws TypeError when `details` is cyclic or holds a
 * BigInt.
 */
export function redactDetails(details: Readonly<Record<string, unknown>>): {
  details: Record<string, unknown>;
  stripped: string[];
} {
  const stripped: string[] = [];
  const text = JSON.stringify(details, function replace(this: unknown, key: string, value: unknown) {
    if (key === '') return value;
    const original = (this as Record<string, unknown>)[key];
    if (isSecretKey(key) || original instanceof Secret) {
      stripped.push(key);
      return REDACTED;
    }
    return value;
  });
  return { details: JSON.parse(text) as Record<string, unknown>, stripped };
}
