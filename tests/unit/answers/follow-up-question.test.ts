import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../bot/answers/follow-up-question.js';

describe('resolveFollowUp', () => {
  const previous = 'How many weeks of parental leave do we get?';

  it.each([
    ['and for contractors?', 'How many weeks of parental leave do we get — for contractors?'],
    ['what about adoption?', 'How many weeks of parental leave do we get — adoption?'],
  ])('%s continues the previous question', (text, question) => {
    expect(resolveFollowUp(text, previous)).toEqual({ question, followUp: true });
  });

  it.each([
    ['who is on call this week?', previous],
    ['and how many days can I work from home abroad in a year?', previous],
    ['and for contractors?', undefined],
  ])('%s stands on its own', (text, before) => {
    expect(resolveFollowUp(text, before)).toEqual({ question: text, followUp: false });
  });
});
