import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, judgeCreate, judgeUpdate } from '../../../bot/approvals/judge-interrupted-write.js';
import type { Page } from '../../../bot/confluence/types.js';
import type { CreatePlan } from '../../../bot/operations/create-page.js';
import { updatePlan } from './sample-change.js';

/** The approval happened at noon (the bot's clock); every stamp below is relative to it. */
const APPROVED_AT = new Date('2026-03-02T12:00:00.000Z');
const clock = { approvedAt: APPROVED_AT };
const at = (offsetMs: number) => new Date(APPROVED_AT.getTime() + offsetMs).toISOString();

const createPlan = (overrides: Partial<CreatePlan> = {}): CreatePlan => ({
  kind: 'create',
  spaceKey: 'ENG',
  title: 'Release 4.2 notes',
  markdown: 'Shipped.',
  storage: '<p>Shipped.</p>',
  ...overrides,
});

function page(overrides: Partial<Omit<Page, 'version'>> & { version?: Partial<Page['version']> } = {}): Page {
  const { version, ...rest } = overrides;
  return {
    id: '901',
    title: 'Release 4.2 notes',
    spaceId: '1',
    spaceKey: 'ENG',
    status: 'current',
    ancestors: [],
    storage: '<p>Shipped.</p>',
    webUrl: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/901',
    ...rest,
    version: { number: 1, authorId: 'bot', createdAt: at(3_000), message: '', ...version },
  };
}

describe('judgeCreate', () => {
  it('landed: the exact title, version 1 made after the approval, the planned content', () => {
    const found = page();
    expect(judgeCreate(createPlan(), found, clock)).toEqual({ kind: 'landed', page: found });
  });

  it('landed when Confluence re-indented the storage', () => {
    const found = page({ storage: '<p>Shipped.</p>\n' });
    expect(judgeCreate(createPlan({ storage: '<p>Shipped.</p>' }), found, clock).kind).toBe('landed');
  });

  it('landed under the planned parent; another parent cannot tell', () => {
    const plan = createPlan({ parentId: '77' });
    expect(judgeCreate(plan, page({ parentId: '77' }), clock).kind).toBe('landed');
    expect(judgeCreate(plan, page({ parentId: '78' }), clock).kind).toBe('unknown');
  });

  it('not landed: no page with that title (or only one differing in case)', () => {
    expect(judgeCreate(createPlan(), undefined, clock)).toMatchObject({
      kind: 'not-landed',
      reason: 'no page titled "Release 4.2 notes" in ENG',
    });
    expect(judgeCreate(createPlan(), page({ title: 'release 4.2 notes' }), clock).kind).toBe('not-landed');
  });

  it('not landed: the page was there before the approval (beyond the clock skew)', () => {
    const older = page({ version: { createdAt: at(-CLOCK_SKEW_MS - 1) } });
    expect(judgeCreate(createPlan(), older, clock).kind).toBe('not-landed');
  });

  it('clock skew: Confluence stamps up to the skew before the approval still count as after it', () => {
    const behind = page({ version: { createdAt: at(-CLOCK_SKEW_MS + 1_000) } });
    expect(judgeCreate(createPlan(), behind, clock).kind).toBe('landed');
    expect(judgeCreate(createPlan(), behind, { approvedAt: APPROVED_AT, skewMs: 0 }).kind).toBe('not-landed');
  });

  it('cannot tell: other content, edited since, or no usable time', () => {
    expect(judgeCreate(createPlan(), page({ storage: '<p>Someone else</p>' }), clock).kind).toBe('unknown');
    expect(judgeCreate(createPlan(), page({ version: { number: 2 } }), clock)).toMatchObject({
      kind: 'unknown',
      reason: 'the page was edited since (version 2)',
    });
    expect(judgeCreate(createPlan(), page({ version: { createdAt: '' } }), clock).kind).toBe('unknown');
  });

  it('cannot tell when the plan no longer holds its storage', () => {
    const plan = createPlan({ storage: '', storageOmitted: true });
    expect(judgeCreate(plan, page({ storage: '' }), clock).kind).toBe('unknown');
  });
});

describe('judgeUpdate', () => {
  // The sample plan: page 123 "Runbook" at version 7, writing '<p>the whole new page</p>'.
  const plan = updatePlan();
  const current = (overrides: Parameters<typeof page>[0] = {}) =>
    page({ id: '123', title: 'Runbook', storage: '<p>the whole new page</p>', ...overrides });

  it('landed: exactly version base+1, made after the approval, with the planned title and content', () => {
    const written = current({ version: { number: 8 } });
    expect(judgeUpdate(plan, written, clock)).toEqual({ kind: 'landed', page: written });
  });

  it('not landed: the page is still at the base version', () => {
    expect(
      judgeUpdate(plan, current({ version: { number: 7 }, storage: '<p>old</p>' }), clock),
    ).toMatchObject({
      kind: 'not-landed',
      reason: 'the page is still at version 7',
    });
  });

  it('not landed: version base+1 was made before the approval (beyond the skew)', () => {
    const before = current({ version: { number: 8, createdAt: at(-CLOCK_SKEW_MS - 1) } });
    expect(judgeUpdate(plan, before, clock).kind).toBe('not-landed');
  });

  it('clock skew: a version stamped within the skew before the approval counts as after it', () => {
    const behind = current({ version: { number: 8, createdAt: at(-60_000) } });
    expect(judgeUpdate(plan, behind, clock).kind).toBe('landed');
    expect(judgeUpdate(plan, behind, { approvedAt: APPROVED_AT, skewMs: 30_000 }).kind).toBe('not-landed');
  });

  it('cannot tell: edited again since, an older version, other content or title, no usable time', () => {
    expect(judgeUpdate(plan, current({ version: { number: 9 } }), clock)).toMatchObject({
      kind: 'unknown',
      reason: 'the page is at version 9; the write would have made version 8',
    });
    expect(judgeUpdate(plan, current({ version: { number: 6 } }), clock).kind).toBe('unknown');
    expect(judgeUpdate(plan, current({ version: { number: 8 }, storage: '<p>x</p>' }), clock).kind).toBe(
      'unknown',
    );
    expect(judgeUpdate(plan, current({ version: { number: 8 }, title: 'Runbook 2' }), clock).kind).toBe(
      'unknown',
    );
    expect(judgeUpdate(plan, current({ version: { number: 8, createdAt: 'soon' } }), clock).kind).toBe(
      'unknown',
    );
  });
});
