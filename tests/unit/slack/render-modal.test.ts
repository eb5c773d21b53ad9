import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_MODAL_INPUTS, readFormSubmission, renderModal } from '../../../bot/slack/blocks-modal.js';
import type { InputBlock, ModalView } from '../../../bot/slack/blocks-types.js';
import { CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS, VERBS } from '../../../bot/views/verbs.js';

const inputs = (modal: ModalView): InputBlock[] =>
  modal.blocks.filter((b): b is InputBlock => b.type === 'input');

/** Input ids of a Teams card template, in order. */
function templateInputIds(kind: string): string[] {
  const card = JSON.parse(readFileSync(new URL(`../../../cards/${kind}.json`, import.meta.url), 'utf8')) as {
    body: { type: string; id?: string }[];
  };
  return card.body.filter((b) => b.type.startsWith('Input.')).map((b) => b.id!);
}

describe('renderModal', () => {
  const connect = renderModal(
    {
      kind: 'connect-form',
      data: {
        name: 'default',
        siteUrl: 'https://acme.atlassian.net',
        email: 'bot@acme.com',
        spaces: 'HR, ENG',
      },
    },
    { callbackId: VERBS.connectSubmit, privateMetadata: '{"channel":"C1"}' },
  );

  it('names every input after the Teams card input ids (block_id = action_id = id)', async () => {
    expect(inputs(connect).map((b) => [b.block_id, b.element.action_id])).toEqual(
      FORM_MODAL_INPUTS['connect-form'].map((id) => [id, id]),
    );
    expect([...FORM_MODAL_INPUTS['connect-form']].sort()).toEqual(templateInputIds('connect-form').sort());
    expect([...FORM_MODAL_INPUTS['rotate-form']].sort()).toEqual(templateInputIds('rotate-form').sort());
  });

  it('is a modal within Slack limits with the callback id and metadata given', () => {
    expect(connect.type).toBe('modal');
    expect(connect.callback_id).toBe(VERBS.connectSubmit);
    expect(connect.private_metadata).toBe('{"channel":"C1"}');
    for (const text of [connect.title, connect.submit, connect.close])
      expect(text.text.length).toBeLessThanOrEqual(24);
    expect(connect.blocks.length).toBeLessThanOrEqual(100);
  });

  it('pre-fills the non-secret fields, never the token, and explains who sees the token', () => {
    const byId = new Map(inputs(connect).map((b) => [b.block_id, b]));
    const initial = (id: string) => {
      const element = byId.get(id)?.element;
      return element?.type === 'plain_text_input' ? element.initial_value : undefined;
    };
    expect(initial(CONNECT_FORM_INPUTS.name)).toBe('default');
    expect(initial(CONNECT_FORM_INPUTS.siteUrl)).toBe('https://acme.atlassian.net');
    expect(initial(CONNECT_FORM_INPUTS.email)).toBe('bot@acme.com');
    expect(initial(CONNECT_FORM_INPUTS.spaces)).toBe('HR, ENG');
    const token = byId.get(CONNECT_FORM_INPUTS.apiToken)!;
    expect(token.element.type).toBe('plain_text_input');
    expect(token.element).not.toHaveProperty('initial_value');
    expect(token.hint?.text).toMatch(
      /Only you see what you type here.*never shown again, echoed in chat or logged/,
    );
    expect(byId.get(CONNECT_FORM_INPUTS.tokenExpiry)?.element.type).toBe('datepicker');
    expect(byId.get(CONNECT_FORM_INPUTS.tokenExpiry)?.optional).toBe(true);
  });

  it('leaves empty fields unfilled and shows a problem escaped', () => {
    const modal = renderModal(
      {
        kind: 'connect-form',
        data: { name: '', siteUrl: '', email: '', spaces: '', problem: '<!here> bad URL' },
      },
      { callbackId: 'c' },
    );
    for (const block of inputs(modal)) expect(block.element).not.toHaveProperty('initial_value');
    expect(JSON.stringify(modal.blocks)).toContain('&lt;!here&gt; bad URL');
    expect(modal).not.toHaveProperty('private_metadata');
  });

  it('rotate: the token and expiry only, with the connector shown', () => {
    const modal = renderModal(
      { kind: 'rotate-form', data: { connectorName: 'default', siteUrl: 'https://acme.atlassian.net' } },
      { callbackId: VERBS.rotateSubmit, privateMetadata: '{"connector":"default"}' },
    );
    expect(inputs(modal).map((b) => b.block_id)).toEqual([
      ROTATE_FORM_INPUTS.apiToken,
      ROTATE_FORM_INPUTS.tokenExpiry,
    ]);
    expect(JSON.stringify(modal.blocks)).toContain('*default*');
    expect(modal.title.text).toBe('Rotate API token');
  });
});

describe('readFormSubmission', () => {
  it('maps view_submission state back to the Teams form data shape', () => {
    const state: Record<string, string> = {
      [`${CONNECT_FORM_INPUTS.name}/${CONNECT_FORM_INPUTS.name}`]: 'default',
      [`${CONNECT_FORM_INPUTS.siteUrl}/${CONNECT_FORM_INPUTS.siteUrl}`]: 'https://acme.atlassian.net',
      [`${CONNECT_FORM_INPUTS.apiToken}/${CONNECT_FORM_INPUTS.apiToken}`]: 'tok',
      [`${CONNECT_FORM_INPUTS.tokenExpiry}/${CONNECT_FORM_INPUTS.tokenExpiry}`]: '2025-12-31',
      [`${CONNECT_FORM_INPUTS.spaces}/${CONNECT_FORM_INPUTS.spaces}`]: '',
      'other/other': 'ignored',
    };
    const read = (block: string, action: string) => state[`${block}/${action}`];
    expect(readFormSubmission('connect-form', read)).toEqual({
      connectorName: 'default',
      siteUrl: 'https://acme.atlassian.net',
      apiToken: 'tok',
      tokenExpiry: '2025-12-31',
    });
    expect(readFormSubmission('rotate-form', read)).toEqual({ apiToken: 'tok', tokenExpiry: '2025-12-31' });
  });
});
