import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';

/** Longest connector display name, in characters (DESIGN.md Contract 1). */
export const MAX_CONNECTOR_NAME_LENGTH = 64;

/** Longest derived command key. */
const MAX_KEY_LENGTH = 40;

/** Control, format (bidi overrides, zero-width), surrogate, private-use and unassigned characters, line breaks. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/**
 * Why `name` is not a usable connector display name, or `undefined` when it is. A display name is
 * any printable text of 1 to 64 characters ("Contoso Confluence"); leading, trailing and repeated
 * spaces are not significant (see `normalizeConnectorName`).
 */
export function connectorNameProblem(name: string): string | undefined {
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (UNPRINTABLE.test(name))
    return 'A connector name must be printable text (no control or invisible characters).';
  if (cleaned.length === 0) return 'A connector name must not be empty.';
  if ([...cleaned].length > MAX_CONNECTOR_NAME_LENGTH)
    return `A connector name is at most ${MAX_CONNECTOR_NAME_LENGTH} characters.`;
  return undefined;
}

/**
 * The display name as stored: NFC, trimmed, runs of whitespace as one space.
 *
 * @throws AppError `INPUT_INVALID` (safe message) when `connectorNameProblem` finds a problem.
 */
export function normalizeConnectorName(name: string): string {
  const problem = connectorNameProblem(name);
  if (problem !== undefined) throw new AppError('INPUT_INVALID', { userMessage: problem });
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Keys already derived, by name: every turn looks the default connector up by name, which derives
 * the key of each stored connector several times (NFKD and five regular expressions each). Bounded:
 * emptied when full, and long names are never kept.
 */
const keyCache = new Map<string, string>();
const MAX_CACHED_KEYS = 256;
const MAX_CACHED_NAME_LENGTH = 256;

/**
 * The short key commands use for a connector (`/confluence rotate contoso-confluence`), derived from
 * its display name: lowercase ASCII letters and digits, `-` and `_`; accents dropped; every other run
 * of characters becomes one `-`. Idempotent (a key is its own key) and equal for names that differ
 * only in case, accents or punctuation, which is how the store tells connectors apart. A name with no
 * ASCII letter or digit gets `c-` plus a short hash.
 */
export function connectorKey(name: string): string {
  if (name.length > MAX_CACHED_NAME_LENGTH) return computeConnectorKey(name);
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = computeConnectorKey(name);
  if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

function computeConnectorKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '');
  if (/[a-z0-9]/.test(slug)) return slug;
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `c-${createHash('sha256').update(cleaned).digest('hex').slice(0, 8)}`;
}
