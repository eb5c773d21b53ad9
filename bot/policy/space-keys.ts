import { AppError } from '../errors.js';

/**
 * Space keys. Confluence Cloud global space keys are ASCII letters and digits and are upper-case in
 * Confluence, so the bot compares them case-insensitively by upper-casing (`ds` means `DS`).
 * Personal space keys (`~` + account id) are compared exactly, case included. Anything that is not
 * pure ASCII `^~?[A-Za-z0-9]+$` (look-alike letters, zero-width characters, spaces, `*`) is malformed
 * and never matches.
 */
export const SPACE_KEY_PATTERN = /^~?[A-Za-z0-9]+$/;

/** Longest key accepted (Confluence personal keys are ~`~` + 24–40 chars). */
export const MAX_SPACE_KEY_LENGTH = 255;

/** True for a well-formed space key (see the module note). */
export function isWellFormedSpaceKey(key: string): boolean {
  return key.length <= MAX_SPACE_KEY_LENGTH && SPACE_KEY_PATTERN.test(key);
}

/**
 * The canonical form used for every comparison: global keys upper-cased, personal keys unchanged.
 * Returns `undefined` for a malformed key (the caller must then fail closed).
 */
export function normalizeSpaceKey(key: string): string | undefined {
  if (!isWellFormedSpaceKey(key)) {
    return undefined;
  }
  return key.startsWith('~') ? key : key.toUpperCase();
}

/** Canonical, de-duplicated keys in first-seen order, and the malformed inputs that were dropped. */
export function normalizeSpaceKeys(keys: readonly string[]): { keys: string[]; malformed: string[] } {
  const seen = new Set<string>();
  const malformed: string[] = [];
  for (const raw of keys) {
    const key = normalizeSpaceKey(raw);
    if (key === undefined) {
      malformed.push(raw);
    } else {
      seen.add(key);
    }
  }
  return { keys: [...seen], malformed };
}

/**
 * The canonical form of a space key an admin typed. Throws `AppError('INPUT_INVALID')`, saying what a
 * key looks like, for a malformed one (the key, cut to 60 characters, goes in the details).
 */
export function requireSpaceKey(key: string): string {
  const canonical = normalizeSpaceKey(key);
  if (canonical === undefined) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'A space key is ASCII letters and digits, optionally starting with `~` (personal spaces).',
      details: { spaceKey: key.slice(0, 60) },
    });
  }
  return canonical;
}
