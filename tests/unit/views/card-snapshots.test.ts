import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../bot/views/render-card.js';
import type { CardData, CardKind } from '../../../bot/views/types.js';
import { CARD_FIXTURES } from './card-fixtures.js';

const SNAPSHOTS: readonly [CardKind, string][] = [
  ['search-results', 'two hits with next page'],
  ['page', 'normal'],
  ['approval', 'pending approver view'],
  ['approval', 'stale'],
  ['status', 'one connector warning'],
  ['denial', 'normal'],
];

describe('rendered card snapshots', () => {
  it.each(SNAPSHOTS)('%s: %s', (kind, name) => {
    const fixture = CARD_FIXTURES[kind].find((f) => f.name === name);
    expect(fixture, `${kind}/${name}`).toBeDefined();
    expect(renderCard(kind, fixture!.data as CardData[typeof kind])).toMatchSnapshot();
  });
});
