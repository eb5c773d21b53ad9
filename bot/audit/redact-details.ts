import { Secret } from '../secret.js';

/** Keys whose values never enter the audit log, at any depth of `details`. */
export const SECRET_KEY_PATTERN = /token|password|secret/i;

/** What replaces a stripped value. */
export const REDACTED = '[redacted]';

/**
 * Defence in depth for `details`: turns it into plain JSON data (a JSON round trip, so `toJSON` is
 * honoured, Dates become strings and undefined members vanish), replacing the value of every key
 * matching SECRET_KEY_PATTERN and every `Secret` instance, at any depth, with `[redacted]`. Returns
 * the names of the keys it stripped (never their values). Throws TypeError when `details` is cyclic
 * or holds a BigInt.
 */
export function redactDetails(details: Readonly<Record<string, unknown>>): {
  details: Record<string, unknown>;
  stripped: string[];
} {
  const stripped: string[] = [];
  const text = JSON.stringify(details, function replace(this: unknown, key: string, value: unknown) {
    if (key === '') return value;
    const original = (this as Record<string, unknown>)[key];
    if (SECRET_KEY_PATTERN.test(key) || original instanceof Secret) {
      stripped.push(key);
      return REDACTED;
    }
    return value;
  });
  return { details: JSON.parse(text) as Record<string, unknown>, stripped };
}
