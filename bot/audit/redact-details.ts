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
export function redactDetails(details: Readonly<Record<string, unknown>>): RedactedDetails {
  return redactFlatDetails(details) ?? redactDetailsByJson(details);
}

/** What `redactDetails` returns. */
export interface RedactedDetails {
  details: Record<string, unknown>;
  stripped: string[];
}

/**
 * `redactDetailsByJson`'s answer for the common case, without the JSON round trip: a plain object
 * whose values are all strings, booleans, null, numbers or undefined (an action's details are
 * usually a count or a name). Undefined when anything else is in it (a nested object or array, a
 * `Secret`, a function, a BigInt, a `__proto__` key, a `toJSON`): the round trip then runs. A
 * property test pins it to the round trip.
 */
function redactFlatDetails(details: Readonly<Record<string, unknown>>): RedactedDetails | undefined {
  const proto = Object.getPrototypeOf(details) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof details.toJSON === 'function')
    return undefined;
  const out: Record<string, unknown> = {};
  const stripped: string[] = [];
  for (const key of Object.keys(details)) {
    if (key === '__proto__') return undefined;
    const value = details[key];
    if (isSecretKey(key)) {
      stripped.push(key);
      out[key] = REDACTED;
      continue;
    }
    switch (typeof value) {
      case 'string':
      case 'boolean':
        out[key] = value;
        break;
      case 'number':
        // JSON writes -0 as 0 and non-finite numbers as null.
        out[key] = Number.isFinite(value) ? value + 0 : null;
        break;
      case 'undefined':
        break;
      case 'object':
        if (value !== null) return undefined;
        out[key] = null;
        break;
      default:
        return undefined;
    }
  }
  return { details: out, stripped };
}

/** The general path of `redactDetails`: a JSON round trip with a replacer. Exported for its tests. */
export function redactDetailsByJson(details: Readonly<Record<string, unknown>>): RedactedDetails {
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
