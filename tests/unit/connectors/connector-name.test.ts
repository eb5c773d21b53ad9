import { describe, expect, it } from 'vitest';
import {
  connectorKey,
  connectorNameProblem,
  normalizeConnectorName,
} from '../../../bot/connectors/connector-name.js';

describe('connector display names', () => {
  it.each([
    ['Contoso Confluence', 'Contoso Confluence'],
    ['  Contoso \u00a0  Confluence ', 'Contoso Confluence'],
    ['default', 'default'],
    ['Zürich Wiki (EU)', 'Zürich Wiki (EU)'],
    ['日本のウィキ', '日本のウィキ'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['e\u0301cole', 'école'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(connectorNameProblem(raw)).toBeUndefined();
    expect(normalizeConnectorName(raw)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(65), /at most 64/],
    ['line\nbreak', /printable/],
    ['tab\there', /printable/],
    ['nul\u0000', /printable/],
    ['bidi \u202egnirts', /printable/],
    ['zero\u200bwidth', /printable/],
    ['line\u2028sep', /printable/],
    ['private \ue000 use', /printable/],
  ])('refuses %j', (raw, message) => {
    expect(connectorNameProblem(raw)).toMatch(message);
    expect(() => normalizeConnectorName(raw)).toThrow();
  });
});

describe('connectorKey', () => {
  it.each([
    ['Contoso Confluence', 'contoso-confluence'],
    ['contoso-confluence', 'contoso-confluence'],
    ['CONTOSO   confluence!', 'contoso-confluence'],
    ['Zürich Wiki (EU)', 'zurich-wiki-eu'],
    ['Legacy_Name-1', 'legacy_name-1'],
    ['acme.prod', 'acme-prod'],
    ['default', 'default'],
    [`${'a'.repeat(39)} b`, 'a'.repeat(39)],
  ])('%j -> %j', (name, key) => {
    expect(connectorKey(name)).toBe(key);
  });

  it('gives names without ASCII letters a stable hashed key', () => {
    const key = connectorKey('日本のウィキ');
    expect(key).toMatch(/^c-[0-9a-f]{8}$/);
    expect(connectorKey(' 日本のウィキ ')).toBe(key);
    expect(connectorKey('中文')).not.toBe(key);
  });

  it('is idempotent: a key is its own key', () => {
    for (const name of ['Contoso Confluence', 'Zürich Wiki (EU)', '日本', '__x__', '-a-', 'A.B.C']) {
      const key = connectorKey(name);
      expect(connectorKey(key)).toBe(key);
    }
  });
});

describe('connectorKey, remembered', () => {
  it('gives the same key from its cache, also after the cache was emptied by many names', () => {
    const names = ['Contoso Confluence', 'CONTOSO-confluence', 'Café Wiki', '日本のウィキ', ' 日本のウィキ '];
    const first = names.map((name) => connectorKey(name));
    expect(first.slice(0, 3)).toEqual(['contoso-confluence', 'contoso-confluence', 'cafe-wiki']);
    for (let i = 0; i < 1_000; i++) connectorKey(`Wiki ${i}`);
    expect(connectorKey('Wiki 999')).toBe('wiki-999');
    expect(names.map((name) => connectorKey(name))).toEqual(first);
    expect(names.map((name) => connectorKey(name))).toEqual(first);
  });

  it('derives the key of a long name without keeping it', () => {
    const long = `${'a'.repeat(300)} Wiki`;
    expect(connectorKey(long)).toBe('a'.repeat(40));
    expect(connectorKey(long)).toBe('a'.repeat(40));
  });
});
