import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { searchResponseSchema } from '../../../bot/confluence/schemas.js';

/**
 * The search answer's rules as the zod object schema they replaced (what the bot relies on); the
 * hand-written check must accept and refuse exactly the same answers and return the same data.
 */
const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const optionalText = z.string().nullish();
const reference = z.object({
  results: z.array(
    z.object({
      title: z.string(),
      excerpt: z.string().nullish(),
      url: optionalText,
      lastModified: optionalText,
      content: z
        .object({
          id: idSchema,
          type: z.string(),
          title: optionalText,
          space: z.object({ key: z.string() }).nullish(),
          _links: z.object({ webui: optionalText }).nullish(),
        })
        .nullish(),
      resultGlobalContainer: z.object({ displayUrl: optionalText }).nullish(),
    }),
  ),
  size: z.number().int().nonnegative().optional(),
  totalSize: z.number().int().nonnegative().optional(),
  _links: z.object({ base: optionalText, next: optionalText }).nullish(),
});

/** Any JSON-ish value a field might hold, biased towards the valid ones. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true, min: -2, max: 2 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const text = fc.oneof(fc.string({ maxLength: 6 }), anyValue);
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.oneof(fc.record(fields, { requiredKeys: [] }), anyValue);
const content = record({
  id: fc.oneof(fc.string({ maxLength: 3 }), fc.nat(99), anyValue),
  type: fc.oneof(fc.constant('page'), text),
  title: text,
  space: record({ key: text }),
  version: record({ number: fc.oneof(fc.nat(9), anyValue) }),
  _links: record({ webui: text }),
  extra: anyValue,
});
const result = fc.oneof(
  fc.record(
    {
      title: text,
      excerpt: text,
      url: text,
      lastModified: text,
      content,
      resultGlobalContainer: record({ displayUrl: text }),
      extra: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const answer = fc.oneof(
  fc.record(
    {
      results: fc.oneof(fc.array(result, { maxLength: 3 }), anyValue),
      size: fc.oneof(fc.nat(9), anyValue),
      totalSize: fc.oneof(fc.nat(9), anyValue),
      _links: record({ base: text, next: text }),
      extra: anyValue,
    },
    { requiredKeys: ['results'] },
  ),
  anyValue,
);

describe('searchResponseSchema (hand-checked)', () => {
  it('accepts and refuses exactly what the zod object schema does, with the same data', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const expected = reference.safeParse(value);
        const actual = searchResponseSchema.safeParse(value);
        expect(actual.success).toBe(expected.success);
        if (expected.success && actual.success) expect(actual.data).toStrictEqual(expected.data);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('names a field the zod schema also names when it refuses an answer', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const expected = reference.safeParse(value);
        const actual = searchResponseSchema.safeParse(value);
        if (expected.success || actual.success) return;
        const paths = expected.error.issues.map((issue) => JSON.stringify(issue.path));
        expect(actual.error.issues).toHaveLength(1);
        expect(paths).toContain(JSON.stringify(actual.error.issues[0]?.path));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('names the first offending field', () => {
    const parsed = searchResponseSchema.safeParse({
      results: [{ title: 'a', content: { id: '', type: 'page' } }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['results', 0, 'content', 'id']);
  });

  it('turns numeric ids into strings and drops unknown fields', () => {
    const parsed = searchResponseSchema.parse({
      results: [{ title: 'T', content: { id: 42, type: 'page', secret: 'x' }, junk: 1 }],
      totalSize: 1,
      more: true,
    });
    expect(parsed).toStrictEqual({
      results: [{ title: 'T', content: { id: '42', type: 'page' } }],
      totalSize: 1,
    });
  });
});
