import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuditEntry } from '../../../bot/audit/build-entry.js';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import { auditEntrySchema, isStoredEntry } from '../../../bot/audit/schema.js';
import { buildAuditEvent } from '../../support/audit-fixtures.js';

const valid = JSON.parse(
  JSON.stringify(
    buildAuditEntry(
      buildAuditEvent({ target: { spaceKey: 'ENG', version: 3 }, details: { a: 1 }, error: 'x' }),
      '2025-01-01T00:00:00.000Z',
      1,
      GENESIS_HASH,
    ),
  ),
) as Record<string, unknown>;

const paths = [
  ['seq'],
  ['at'],
  ['actor'],
  ['actor', 'id'],
  ['actor', 'name'],
  ['actor', 'aadObjectId'],
  ['conversationId'],
  ['connector'],
  ['operation'],
  ['target'],
  ['target', 'spaceKey'],
  ['target', 'pageId'],
  ['target', 'title'],
  ['target', 'query'],
  ['target', 'version'],
  ['decision'],
  ['outcome'],
  ['error'],
  ['details'],
  ['prevHash'],
  ['hash'],
  ['extra'],
] as const;

const replacement = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, -1, 0, 1.5, 'allowed', 'ok', 'f'.repeat(64), 'F'.repeat(64), [], {}),
);

function mutate(base: Record<string, unknown>, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(base);
  let holder: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = holder[key];
    if (next === null || typeof next !== 'object') return copy;
    holder = next as Record<string, unknown>;
  }
  const last = path.at(-1) ?? '';
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return copy;
}

describe('isStoredEntry', () => {
  it('accepts a stored entry', () => {
    expect(isStoredEntry(valid)).toBe(true);
    expect(auditEntrySchema.safeParse(valid).success).toBe(true);
  });

  it('agrees with auditEntrySchema on mutated entries', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, (path, value) => {
        const candidate = mutate(valid, path, value);
        expect(isStoredEntry(candidate)).toBe(auditEntrySchema.safeParse(candidate).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with auditEntrySchema on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(isStoredEntry(value)).toBe(auditEntrySchema.safeParse(value).success);
      }),
    );
  });
});
