import { describe, expect, it } from 'vitest';
import {
  MAX_REMEMBERED_CONVERSATIONS,
  QUESTION_TTL_MS,
  recentQuestions,
} from '../../../bot/answers/recent-questions.js';

describe('recentQuestions', () => {
  it('remembers the last question per conversation, per assistant, bounded and forgetful', () => {
    let now = 0;
    const deps = { now: () => new Date(now) };
    const store = recentQuestions(deps);
    expect(recentQuestions(deps)).toBe(store);
    expect(recentQuestions({ now: deps.now })).not.toBe(store);
    store.remember('a', 'parental leave?');
    expect(store.previous('a')).toBe('parental leave?');
    expect(store.previous('b')).toBeUndefined();
    for (let i = 0; i < MAX_REMEMBERED_CONVERSATIONS; i += 1) store.remember(`c${i}`, 'q');
    expect(store.previous('a')).toBeUndefined();
    now += QUESTION_TTL_MS + 1;
    expect(store.previous('c1')).toBeUndefined();
  });
});
