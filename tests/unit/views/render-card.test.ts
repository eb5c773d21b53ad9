import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../bot/errors.js';
import { createCardRenderer, findCardsDir, renderCard } from '../../../bot/views/render-card.js';
import { CARD_KINDS, type CardData, type CardKind } from '../../../bot/views/types.js';
import { ALL_VERBS } from '../../../bot/views/verbs.js';
import { CARD_FIXTURES, EVIL } from './card-fixtures.js';
import { collectObjects, collectStrings, parserEvents, REPO_ROOT, schemaErrors } from './card-lint.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
const TITLE_EXPR = '${requester}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
const SUM_EXPR = '${1+1}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
const MESSAGE_EXPR = '${message}';

/** Teams rejects cards over about 28 KB. */
const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

const cases = CARD_KINDS.flatMap((kind) =>
  CARD_FIXTURES[kind].map((fixture) => ({ kind, name: fixture.name, data: fixture.data })),
);

function render(kind: CardKind, data: unknown) {
  return renderCard(kind, data as CardData[typeof kind]);
}

describe('card templates', () => {
  it('has exactly one template per card kind', async () => {
    const files = (await readdir(path.join(REPO_ROOT, 'cards'))).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...CARD_KINDS].sort());
    expect(findCardsDir()).toBe(path.join(REPO_ROOT, 'cards'));
  });

  it('uses only verbs from VERBS', async () => {
    const verbs = new Set<string>();
    for (const kind of CARD_KINDS) {
      const template: unknown = JSON.parse(
        await readFile(path.join(REPO_ROOT, 'cards', `${kind}.json`), 'utf8'),
      );
      for (const action of collectObjects(template, (o) => o.type === 'Action.Execute')) {
        expect(typeof action.verb, `${kind}: Action.Execute without verb`).toBe('string');
        verbs.add(String(action.verb));
      }
    }
    expect([...verbs].filter((v) => !ALL_VERBS.includes(v as never))).toEqual([]);
    expect(verbs.size).toBeGreaterThanOrEqual(9);
  });

  it('targets Teams: version 1.5, full width, Action.Execute only for bot actions', async () => {
    for (const kind of CARD_KINDS) {
      const template = JSON.parse(await readFile(path.join(REPO_ROOT, 'cards', `${kind}.json`), 'utf8'));
      expect(template.version, kind).toBe('1.5');
      // The approval card also carries mention entities (Teams notifies the approvers it names).
      expect(template.msteams.width, kind).toBe('Full');
      expect(
        Object.keys(template.msteams).filter((k) => k !== 'width' && k !== 'entities'),
        kind,
      ).toEqual([]);
      if (kind !== 'approval') expect(template.msteams, kind).toEqual({ width: 'Full' });
      expect(
        collectObjects(template, (o) => o.type === 'Action.Submit'),
        kind,
      ).toEqual([]);
      for (const block of collectObjects(template, (o) => o.type === 'TextBlock')) {
        expect(block.wrap, `${kind}: TextBlock without wrap: ${String(block.text)}`).toBe(true);
      }
    }
  });
});

describe.each(cases)('$kind: $name', ({ kind, data }) => {
  const card = render(kind, data);

  it('validates against the Adaptive Cards 1.5 schema', () => {
    expect(schemaErrors(card)).toEqual([]);
  });

  it('parses in the adaptivecards object model without events', () => {
    expect(parserEvents(card)).toEqual([]);
  });

  it('fits in a Teams message', () => {
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
  });

  it('shows every user string literally and leaves no expression behind', () => {
    const strings = collectStrings(card);
    const expressions = strings.flatMap((s) => s.match(/\$\{[^}]*\}?/g) ?? []);
    const fromData = new Set(collectStrings(data).flatMap((s) => s.match(/\$\{[^}]*\}?/g) ?? []));
    expect(expressions.filter((e) => !fromData.has(e))).toEqual([]);
    if (collectStrings(data).some((s) => s.includes(EVIL.template))) {
      expect(strings.some((s) => s.includes(EVIL.template))).toBe(true);
    }
    expect(strings.some((s) => /[\uE000\uE001]{2}/.test(s))).toBe(false);
  });
});

describe('renderCard', () => {
  it('renders templating expressions in user data literally (never evaluated)', () => {
    const card = renderCard('notice', { title: TITLE_EXPR, text: SUM_EXPR, tone: 'info', changes: [] });
    const strings = collectStrings(card);
    expect(strings).toContain(TITLE_EXPR);
    expect(strings).toContain(SUM_EXPR);
  });

  it('does not resolve a title that looks like an expression against the card data', () => {
    const base = CARD_FIXTURES.approval[0]!.data;
    const card = renderCard('approval', { ...base, preview: { ...base.preview, title: TITLE_EXPR } });
    const runs = collectObjects(card, (o) => o.type === 'TextRun' && o.size === 'Medium');
    expect(runs.map((r) => r.text)).toEqual([TITLE_EXPR]);
    expect(collectStrings(card)).toContain(
      `Requested by ${base.requester} at ${base.requestedAt} · expires ${base.expiresAt}`,
    );
  });

  it('shows the expiry only while a request is pending', () => {
    const base = CARD_FIXTURES.approval[0]!.data;
    const approved = renderCard('approval', {
      ...base,
      status: 'approved',
      decidedBy: 'Lee Lead',
      decidedAt: '2025-03-01 11:00 UTC',
    });
    const strings = collectStrings(approved);
    expect(strings).toContain(`Requested by ${base.requester} at ${base.requestedAt}`);
    expect(strings.join('\n')).not.toMatch(/expires/);
  });

  it('round-trips dollar signs and private-use characters exactly', () => {
    const card = renderCard('error', { message: EVIL.dollar, correlationId: '$x \uE000 \uE001 \uE0010' });
    const strings = collectStrings(card);
    expect(strings).toContain(EVIL.dollar);
    expect(strings).toContain('Reference: $x \uE000 \uE001 \uE0010');
  });

  it('throws INTERNAL when a required field is missing (an expression would be left)', () => {
    const bad = { message: 'x' } as unknown as CardData['error'];
    expect(() => renderCard('error', bad)).toThrow(/unexpanded expression/);
    try {
      renderCard('error', bad);
    } catch (error) {
      expect(isAppError(error, 'INTERNAL')).toBe(true);
    }
  });

  it('throws INTERNAL on null in view data', () => {
    const bad = { message: 'x', correlationId: null } as unknown as CardData['error'];
    expect(() => renderCard('error', bad)).toThrow(/null/);
  });

  it('shows the help examples with a space the conversation may use, and the page-link placeholder', () => {
    const card = renderCard('help', { isAdmin: false, exampleSpace: 'OPS', spaces: 'OPS', inChannel: false });
    const text = collectStrings(card).join('\n');
    expect(text).toContain('search vpn setup in OPS');
    expect(text).toContain('get ‹page link›');
    expect(text).not.toMatch(/@mention/);
  });

  it('returns independent objects on each call', () => {
    const data = { isAdmin: false, exampleSpace: 'ENG', spaces: 'ENG', inChannel: true };
    const a = renderCard('help', data);
    const b = renderCard('help', data);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('reads and compiles each template once per renderer', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cards-'));
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: MESSAGE_EXPR }] };
    await writeFile(path.join(dir, 'error.json'), JSON.stringify(card));
    const renderer = createCardRenderer(dir);
    const first = renderer.render('error', { message: 'one', correlationId: 'c' });
    await writeFile(path.join(dir, 'error.json'), JSON.stringify({ ...card, version: '9.9' }));
    const second = renderer.render('error', { message: 'two', correlationId: 'c' });
    expect(first.version).toBe('1.5');
    expect(second.version).toBe('1.5');
    expect(collectStrings(second)).toContain('two');
  });

  it('throws INTERNAL for a missing template', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cards-'));
    const help = { isAdmin: true, exampleSpace: 'ENG', spaces: 'ENG', inChannel: true };
    expect(() => createCardRenderer(dir).render('help', help)).toThrow(/cannot be read/);
  });
});

describe('card lint helpers (they must be able to fail)', () => {
  const bad = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'x', size: 'huge' }, { type: 'Fancy' }, { type: 'Input.Text' }],
    actions: [{ type: 'Action.Teleport' }],
  };

  it('schemaErrors reports invalid cards', () => {
    expect(schemaErrors(bad).length).toBeGreaterThan(0);
    expect(schemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [], refresh: null })).not.toEqual([]);
    expect(
      schemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [], msteams: { width: 'Full' } }),
    ).toEqual([]);
  });

  it('parserEvents reports unknown elements, bad enums, actions and inputs without id', () => {
    const events = parserEvents(bad);
    expect(events.length).toBeGreaterThanOrEqual(3);
  });
});
