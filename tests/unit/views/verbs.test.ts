import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../bot/views/render-card.js';
import { CARD_KINDS } from '../../../bot/views/types.js';
import { ALL_VERBS, CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS, VERBS } from '../../../bot/views/verbs.js';
import { CARD_FIXTURES } from './card-fixtures.js';
import { collectObjects, REPO_ROOT } from './card-lint.js';

describe('VERBS', () => {
  it('fixes approve and reject (Contract 3) and has unique values', () => {
    expect(VERBS.approve).toBe('approve');
    expect(VERBS.reject).toBe('reject');
    expect(new Set(ALL_VERBS).size).toBe(ALL_VERBS.length);
  });

  it('every verb is used by some card (no dead routes)', async () => {
    const used = new Set<unknown>();
    for (const kind of CARD_KINDS) {
      const template: unknown = JSON.parse(
        await readFile(path.join(REPO_ROOT, 'cards', `${kind}.json`), 'utf8'),
      );
      for (const action of collectObjects(template, (o) => o.type === 'Action.Execute'))
        used.add(action.verb);
    }
    expect(ALL_VERBS.filter((v) => !used.has(v))).toEqual([]);
  });
});

describe('admin forms', () => {
  it('connect form has the documented inputs and never a token value', () => {
    for (const { data } of CARD_FIXTURES['connect-form']) {
      const card = renderCard('connect-form', data);
      const inputs = collectObjects(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
      expect(inputs.map((i) => i.id).sort()).toEqual(Object.values(CONNECT_FORM_INPUTS).sort());
      const token = inputs.find((i) => i.id === CONNECT_FORM_INPUTS.apiToken)!;
      expect(token.style).toBe('Password');
      expect('value' in token).toBe(false);
      expect(inputs.find((i) => i.id === CONNECT_FORM_INPUTS.tokenExpiry)!.type).toBe('Input.Date');
      expect(collectObjects(card, (o) => o.verb === VERBS.connectSubmit)).toHaveLength(1);
    }
  });

  it('rotate form sends the connector name and a password input only', () => {
    const card = renderCard('rotate-form', CARD_FIXTURES['rotate-form'][0]!.data);
    const inputs = collectObjects(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id).sort()).toEqual(Object.values(ROTATE_FORM_INPUTS).sort());
    expect(inputs.find((i) => i.id === ROTATE_FORM_INPUTS.apiToken)!.style).toBe('Password');
    expect(inputs.every((i) => !('value' in i))).toBe(true);
    const submit = collectObjects(card, (o) => o.verb === VERBS.rotateSubmit);
    expect(submit.map((a) => a.data)).toStrictEqual([{ connector: 'default' }]);
  });

  it('disconnect confirm names the connector in its action data', () => {
    const card = renderCard('disconnect-confirm', CARD_FIXTURES['disconnect-confirm'][0]!.data);
    const action = collectObjects(card, (o) => o.verb === VERBS.disconnectConfirm);
    expect(action.map((a) => a.data)).toStrictEqual([{ connector: 'default' }]);
  });
});

describe('search results actions', () => {
  it('offers Open and Show per hit and More results only with a next token', () => {
    const [withNext, empty] = CARD_FIXTURES['search-results'];
    const card = renderCard('search-results', withNext!.data);
    expect(collectObjects(card, (o) => o.verb === VERBS.showPage).map((a) => a.data)).toStrictEqual([
      { pageId: '1001' },
      { pageId: '1002' },
    ]);
    expect(collectObjects(card, (o) => o.type === 'Action.OpenUrl' && o.title === 'Open')).toHaveLength(2);
    expect(collectObjects(card, (o) => o.verb === VERBS.moreResults).map((a) => a.data)).toStrictEqual([
      { token: 'cursor-abc' },
    ]);
    const none = renderCard('search-results', empty!.data);
    expect(collectObjects(none, (o) => o.verb === VERBS.moreResults)).toEqual([]);
    expect(JSON.stringify(none)).toContain('No pages matched');
  });

  it('highlights matched words as bold runs', () => {
    const card = renderCard('search-results', CARD_FIXTURES['search-results'][0]!.data);
    const bold = collectObjects(card, (o) => o.type === 'TextRun' && o.weight === 'Bolder').map(
      (r) => r.text,
    );
    expect(bold).toEqual(expect.arrayContaining(['VPN', 'setup']));
    const plain = collectObjects(card, (o) => o.type === 'TextRun' && o.weight === 'Default').map(
      (r) => r.text,
    );
    expect(plain).toContain('Install the ');
  });
});
