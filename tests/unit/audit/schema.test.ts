import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuditEntry } from '../../../bot/audit/build-entry.js';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import {
  auditEntrySchema,
  auditEventInputSchema,
  isStoredEntry,
  parseAuditEventInput,
} from '../../../bot/audit/schema.js';
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

/** The fields an audit event and an entry share (an entry adds seq, at and the hashes). */
const EVENT_FIELDS = [
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
] as const;

const paths = [['seq'], ['at'], ...EVENT_FIELDS, ['prevHash'], ['hash'], ['extra']] as const;

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

const DELETE = Symbol('delete');

const eventPaths = [
  [],
  ...EVENT_FIELDS,
  ['actor', 'extra'],
  ['target', 'extra'],
  ['details', 'token'],
  ['details', 'count'],
  ['extra'],
] as const;

const detailsValue = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.jsonValue(), fc.constant(undefined)), {
    maxKeys: 4,
  }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as unknown),
  fc.constant(new Date(0)),
  fc.constant(new Map()),
  // zod reads an object with then() and catch() as a promise.
  fc.constant(
    Object.fromEntries([
      ['then', () => 1],
      ['catch', () => 2],
    ]) as unknown,
  ),
);

const eventReplacement = fc.oneof(
  fc.constant(DELETE),
  fc.jsonValue(),
  fc.anything(),
  detailsValue,
  fc.constantFrom(undefined, null, -1, -0, 0, 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x'),
  fc.constantFrom('allowed', 'denied', 'ok', 'error', 'search', 'a'.repeat(64), 'a'.repeat(65)),
  fc.constantFrom('s'.repeat(4_096), 's'.repeat(4_097), 'e'.repeat(16_384), 'e'.repeat(16_385)),
);

function mutateEvent(path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? undefined : value;
  const copy = buildAuditEvent({ details: { count: 2, note: 'n' }, error: 'E: x' }) as unknown as Record<
    string,
    unknown
  >;
  let holder = copy;
  for (const key of path.slice(0, -1)) {
    const next = holder[key];
    if (next === null || typeof next !== 'object') return copy;
    holder = { ...(next as Record<string, unknown>) };
    copy[key] = holder;
  }
  const last = path.at(-1) ?? '';
  if (value === DELETE) delete holder[last];
  else holder[last] = value;
  return copy;
}

function agreesWithZod(value: unknown): void {
  const fast = parseAuditEventInput(value);
  const reference = auditEventInputSchema.safeParse(value);
  expect(fast !== undefined).toBe(reference.success);
  if (fast !== undefined && reference.success) expect(fast).toStrictEqual(reference.data);
}

describe('parseAuditEventInput', () => {
  it('returns what the zod schema returns for a valid event', () => {
    const event = buildAuditEvent({ details: { a: 1, gone: undefined }, error: undefined });
    const fast = parseAuditEventInput({ ...event, extra: 1, actor: { ...event.actor, more: 2 } });
    expect(fast).toStrictEqual(auditEventInputSchema.parse({ ...event, extra: 1 }));
    expect(fast).not.toHaveProperty('extra');
    expect(fast?.actor).not.toHaveProperty('more');
    expect(fast).toHaveProperty('error', undefined);
  });

  it('copies details and drops a __proto__ key, as zod does', () => {
    const details = JSON.parse('{"__proto__": {"polluted": true}, "b": 2}') as Record<string, unknown>;
    const fast = parseAuditEventInput(buildAuditEvent({ details }));
    expect(fast?.details).not.toBe(details);
    expect(fast?.details).toStrictEqual({ b: 2 });
    expect(Object.getPrototypeOf(fast?.details)).toBe(Object.prototype);
  });

  it('agrees with auditEventInputSchema on mutated events (accept/reject and output)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...eventPaths), eventReplacement, (path, value) => {
        agreesWithZod(mutateEvent(path, value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with auditEventInputSchema on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => agreesWithZod(value)),
      { numRuns: 1_000 },
    );
  });

  it('leaves what it does not accept to the zod schema (a class instance is accepted there)', () => {
    class Actor {
      id = '29:a';
      name = 'Ann';
    }
    const event = { ...buildAuditEvent(), actor: new Actor() };
    expect(parseAuditEventInput(event)).toBeUndefined();
    expect(auditEventInputSchema.safeParse(event).success).toBe(true);
    const inherited = buildAuditEvent({
      details: Object.create({ inherited: 1 }) as Record<string, unknown>,
    });
    expect(parseAuditEventInput(inherited)).toBeUndefined();
    expect(auditEventInputSchema.safeParse(inherited).success).toBe(true);
  });
});
