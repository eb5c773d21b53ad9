import { describe, expect, it } from 'vitest';
import { expandQuery, MAX_SEARCH_TERMS, stemWord } from '../../../bot/answers/expand-query.js';

const texts = (question: string) => expandQuery(question).terms.map((t) => t.text);

describe('expandQuery', () => {
  it('drops filler and keeps the subject words in order', () => {
    expect(expandQuery('Hi! Could you tell me the minimum password length please?').keywords).toEqual([
      'minimum',
      'password',
      'length',
    ]);
  });

  it('adds the synonyms of a vocabulary word or phrase at a lower weight, typed words first', () => {
    const query = expandQuery("what's the on-call rotation?");
    expect(query.keywords).toEqual(['on call', 'rotation']);
    expect(texts("what's the on-call rotation?")).toEqual(
      expect.arrayContaining(['on call', 'rotation', 'rota', 'pager']),
    );
    expect(query.terms[0]).toEqual({ text: 'on call', weight: 1 });
    expect(query.stemWeights.get(stemWord('rota'))).toBeLessThan(1);
    expect(query.concepts).toHaveLength(2);
  });

  it.each([
    ['is 2FA required?', 'mfa'],
    ['how many days a week can I WFH', 'work from home'],
    ['per diem UK?', 'meal allowance'],
    ['how much PTO', 'vacation'],
  ])('%s also searches %s', (question, synonym) => {
    expect(texts(question)).toContain(synonym);
  });

  it('matches British and American spellings by stem', () => {
    expect(stemWord('behaviour')).toBe(stemWord('behavior'));
    expect(stemWord('travelling')).toBe(stemWord('traveling'));
    expect(stemWord('organisation')).toBe(stemWord('organization'));
    expect(stemWord('Rotations')).toBe(stemWord('rotation'));
    expect(texts('cost centre')).toContain('center');
  });

  it('adds a likely correction of a misspelt word and keeps the typed word', () => {
    expect(texts('wat is the lerning budjet')).toEqual(['lerning', 'budjet', 'learning', 'budget']);
  });

  it('bounds the search terms of a very long question', () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i} pto`).join(' ');
    expect(expandQuery(long).terms.length).toBeLessThanOrEqual(MAX_SEARCH_TERMS);
  });
});
