import { createHash, hkdfSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeSecretKey, SECRET_KEY_FILE } from '../connectors/secret-key.js';

/**
 * HKDF `info` label of the audit anchor key. A purpose label of its own means the key that MACs the
 * audit anchors is unrelated to the one that encrypts API tokens, although both come from SECRET_KEY.
 */
export const AUDIT_ANCHOR_KEY_LABEL = 'confluence-assistant/audit-anchor/v1';

/**
 * The HMAC-SHA-256 key for audit anchors: HKDF-SHA-256 of the 32-byte SECRET_KEY with an empty salt
 * and the purpose label. Deterministic, so the bot and `audit:verify` derive the same key. Never log
 * or persist the result. Throws RangeError for a key that is not 32 bytes.
 */
export function deriveAuditAnchorKey(secretKey: Buffer): Buffer {
  if (secretKey.length !== 32) throw new RangeError('the secret key must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), AUDIT_ANCHOR_KEY_LABEL, 32));
}

/**
 * Identifies an anchor key without revealing it (first 16 hex chars of its SHA-256), so a verifier
 * holding a different SECRET_KEY is told so instead of "tampered".
 */
export function anchorKeyId(anchorKey: Buffer): string {
  return createHash('sha256').update(anchorKey).digest('hex').slice(0, 16);
}

/** What `loadVerifierAnchorKey` found: a derived key and where SECRET_KEY came from, or why none. */
export type VerifierKey =
  | { readonly kind: 'key'; readonly anchorKey: Buffer; readonly source: 'SECRET_KEY' | string }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * The anchor key for `audit:verify`: from `SECRET_KEY` in the environment, else from the
 * development key file `<dataDir>/secret.key` (read only; a verifier never generates a key).
 * A malformed key is reported as `none` with the reason (never the value); it does not throw.
 */
export async function loadVerifierAnchorKey(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): Promise<VerifierKey> {
  const fromEnv = env.SECRET_KEY;
  try {
    if (fromEnv !== undefined && fromEnv.trim() !== '') {
      return {
        kind: 'key',
        anchorKey: deriveAuditAnchorKey(decodeSecretKey(fromEnv, 'SECRET_KEY')),
        source: 'SECRET_KEY',
      };
    }
    const file = join(dataDir, SECRET_KEY_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { kind: 'none', reason: `SECRET_KEY is not set and there is no readable ${file}` };
    }
    return { kind: 'key', anchorKey: deriveAuditAnchorKey(decodeSecretKey(text, file)), source: file };
  } catch (error) {
    return { kind: 'none', reason: error instanceof Error ? error.message : 'the key is malformed' };
  }
}
