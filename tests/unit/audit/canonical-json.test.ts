import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, computeEntryHash, GENESIS_HASH } from '../../../bot/audit/canonical-json.js';

/** An independent few-line canonical JSON, as a third-party verifier would write it. */
function canon(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canon(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('omits undefined members like JSON.stringify (null inside arrays)', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: null })).toBe('{"b":[null,1],"c":null}');
  });

  it('honours toJSON and escapes strings like JSON.stringify', () => {
    expect(canonicalJson({ when: new Date('2025-01-02T03:04:05.000Z'), s: 'a"b\n\u2028' })).toBe(
      `{"s":${JSON.stringify('a"b\n\u2028')},"when":"2025-01-02T03:04:05.000Z"}`,
    );
  });

  it('refuses BigInt and values without a JSON form', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('sorts integer-like keys as strings too (not in JS property order)', () => {
    expect(canonicalJson({ '9': 'b', '10': 'a', '': 0, x: 1 })).toBe('{"":0,"10":"a","9":"b","x":1}');
  });

  it('matches an independent implementation and round-trips for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const written = canonicalJson(value);
        expect(written).toBe(canon(value));
        expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });
});

describe('computeEntryHash', () => {
  const entry = {
    seq: 1,
    at: '2025-01-01T00:00:00.000Z',
    actor: { name: 'Ann', id: 'u1' },
    conversationId: 'c1',
    connector: 'default',
    operation: 'get',
    target: { pageId: '42', spaceKey: 'ENG' },
    decision: 'allowed',
    outcome: 'ok',
    prevHash: GENESIS_HASH,
  };

  it('is SHA-256 of prevHash followed by the canonical entry without hash', () => {
    const independent = createHash('sha256')
      .update(entry.prevHash + canon(entry))
      .digest('hex');
    expect(computeEntryHash(entry)).toBe(independent);
    expect(computeEntryHash({ ...entry, hash: 'ignored' })).toBe(independent);
    expect(independent).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field or the previous hash changes', () => {
    const base = computeEntryHash(entry);
    expect(computeEntryHash({ ...entry, outcome: 'error' })).not.toBe(base);
    expect(computeEntryHash({ ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });
});
