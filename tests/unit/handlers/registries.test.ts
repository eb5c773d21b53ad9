import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS, cardActionFor } from '../../../bot/handlers/actions/index.js';
import { INTENT_HANDLERS } from '../../../bot/handlers/intents/index.js';
import { ALL_VERBS, VERBS } from '../../../bot/views/verbs.js';

describe('handler registries', () => {
  it('has exactly one card action per verb the cards use', () => {
    const verbs = CARD_ACTIONS.map((action) => action.verb);
    expect(new Set(verbs).size).toBe(verbs.length);
    expect([...verbs].sort()).toEqual([...ALL_VERBS].sort());
  });

  it('finds actions by verb and nothing for an unknown or inherited name', () => {
    expect(cardActionFor(VERBS.approve)?.verb).toBe('approve');
    for (const verb of ['', 'constructor', '__proto__', 'toString', 'APPROVE', 'approve ']) {
      expect(cardActionFor(verb)).toBeUndefined();
    }
  });

  it('has one handler per intent kind', () => {
    expect(Object.keys(INTENT_HANDLERS).sort()).toEqual(
      [
        'admin',
        'admin-invalid',
        'approvals',
        'failure',
        'follow-up',
        'greeting',
        'help',
        'operation',
        'page-by-name',
        'question',
        'unclear',
      ].sort(),
    );
  });
});
