import { describe, expect, it } from 'vitest';
import { CqlError, parseCql, tokenizeCql } from '../../support/confluence-simulator/cql.js';

describe('tokenizeCql', () => {
  it('unescapes backslash escapes inside quoted literals', () => {
    const tokens = tokenizeCql(String.raw`text ~ "say \"hi\" to C:\\temp" AND title ~ 'it\'s'`);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual([
      'say "hi" to C:\\temp',
      "it's",
    ]);
  });

  it.each([
    ['unterminated double quote', 'text ~ "abc'],
    ['unterminated single quote', "title ~ 'abc"],
    ['escaped closing quote', String.raw`text ~ "abc\"`],
    ['dangling escape', 'text ~ "abc\\'],
    ['stray character', 'text ~ "a" ; space = X'],
    ['hash outside quotes', 'text ~ #hashtag'],
  ])('throws on %s', (_name, cql) => {
    expect(() => tokenizeCql(cql)).toThrow(CqlError);
  });
});

describe('parseCql accepts the supported subset', () => {
  it.each([
    'type = page',
    'type=page',
    'TYPE = "page" and SPACE = "HR"',
    'space.key = ENG',
    'space != ENG AND type = page',
    'space IN ("ENG", "HR", "~jdoe")',
    'space NOT IN (LEGAL)',
    'type IN (page, blogpost)',
    'text ~ "vpn"',
    'text !~ "draft" AND type = page',
    'title ~ vpn',
    'siteSearch ~ "parental leave"',
    'NOT space = ENG AND type = page',
    '(space = HR OR space = ENG) AND NOT (title ~ "draft")',
    'type = page ORDER BY lastmodified DESC',
    'type = page order by title',
    'type = page ORDER BY created asc',
    String.raw`text ~ "\"exact phrase\""`,
  ])('%s', (cql) => {
    expect(() => parseCql(cql)).not.toThrow();
  });

  it('builds AND/OR/NOT with the usual precedence', () => {
    const query = parseCql('space = A OR space = B AND NOT type = page');
    expect(query.where).toEqual({
      kind: 'or',
      left: { kind: 'clause', field: 'space', operator: '=', values: ['A'] },
      right: {
        kind: 'and',
        left: { kind: 'clause', field: 'space', operator: '=', values: ['B'] },
        right: { kind: 'not', operand: { kind: 'clause', field: 'type', operator: '=', values: ['page'] } },
      },
    });
  });

  it('parses IN lists, aliases and ORDER BY', () => {
    const query = parseCql('space.key NOT IN ("~jdoe", HR) ORDER BY lastmodified DESC');
    expect(query).toEqual({
      where: { kind: 'clause', field: 'space', operator: 'not in', values: ['~jdoe', 'HR'] },
      orderBy: { field: 'lastmodified', direction: 'desc' },
    });
  });

  it('keeps an escaped injection attempt inside one literal', () => {
    const query = parseCql(String.raw`type = page AND text ~ "x\" OR space = \"LEGAL"`);
    expect(query.where).toEqual({
      kind: 'and',
      left: { kind: 'clause', field: 'type', operator: '=', values: ['page'] },
      right: { kind: 'clause', field: 'text', operator: '~', values: ['x" OR space = "LEGAL'] },
    });
  });
});

describe('parseCql rejects everything else', () => {
  it.each([
    ['empty query', ''],
    ['unknown field', 'label = "x"'],
    ['unquoted multi-word text', 'text ~ BBQ Grill'],
    ['= on a text field', 'text = "vpn"'],
    ['~ on space', 'space ~ "ENG"'],
    ['unsupported operator', 'created > "2024-01-01"'],
    ['unquoted personal space key', 'space = ~jdoe'],
    ['missing value', 'space ='],
    ['unbalanced parentheses', '(space = ENG'],
    ['extra closing parenthesis', 'space = ENG)'],
    ['dangling AND', 'space = ENG AND'],
    ['IN without list', 'space IN ENG'],
    ['unterminated IN list', 'space IN ("ENG", "HR"'],
    ['reserved word as value', 'space = and'],
    ['bad ORDER BY field', 'type = page ORDER BY score'],
    ['ORDER without BY', 'type = page ORDER lastmodified'],
    ['two clauses without operator', 'space = ENG type = page'],
  ])('%s', (_name, cql) => {
    expect(() => parseCql(cql)).toThrow(CqlError);
  });

  it('names the unknown field like Confluence does', () => {
    expect(() => parseCql('labels = "x"')).toThrow("No field exists with the name: 'labels'");
  });
});
