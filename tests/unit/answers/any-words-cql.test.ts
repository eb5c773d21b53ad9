import { describe, expect, it } from 'vitest';
import { buildAnyWordsCql, MAX_ANY_TERMS } from '../../../bot/confluence/cql.js';
import { AppError } from '../../../bot/errors.js';

describe('buildAnyWordsCql (question search)', () => {
  it('searches any of the words or phrases in the allowed spaces, by relevance', () => {
    expect(buildAnyWordsCql(['rota', 'on-call', 'Per Diem', 'rota'], ['OPS', 'HR'])).toBe(
      'type = page AND space IN ("OPS","HR") AND (text ~ "rota" OR text ~ "\\"on call\\"" OR text ~ "\\"per diem\\"")',
    );
  });

  it.each([
    'x") OR space = "LEGAL',
    'x" OR type = blogpost OR text ~ "y',
    '\\" OR space IN ("LEGAL") --',
    'a AND b OR NOT c',
  ])('keeps hostile term %j inside one literal', (term) => {
    const cql = buildAnyWordsCql([term], ['HR']);
    expect(cql.startsWith('type = page AND space IN ("HR") AND (text ~ "')).toBe(true);
    expect(cql).not.toMatch(/LEGAL"\)|OR space|OR type/);
    expect(cql.match(/ OR /g) ?? []).toHaveLength(0);
  });

  it('refuses no terms, too many terms and bad spaces', () => {
    expect(() => buildAnyWordsCql(['"', '  '], ['HR'])).toThrow(AppError);
    expect(() =>
      buildAnyWordsCql(
        Array.from({ length: MAX_ANY_TERMS + 1 }, (_, i) => `w${i}`),
        ['HR'],
      ),
    ).toThrow(AppError);
    expect(() => buildAnyWordsCql(['x'], [])).toThrow(AppError);
    expect(() => buildAnyWordsCql(['x'], ['HR" OR space = "LEGAL'])).toThrow(AppError);
  });
});
