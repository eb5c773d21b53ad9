import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../bot/errors.js';
import { createPlanSchema, executeCreate, planCreate } from '../../../bot/operations/create-page.js';
import { createFakeConfluence, makePage } from './fake-confluence.js';

const parent = makePage({ id: '42', title: 'Runbooks', spaceKey: 'OPS', storage: '<p>Index</p>' });

describe('planCreate / executeCreate', () => {
  it('converts Markdown to storage and plans without calling Confluence when there is no parent', async () => {
    const client = createFakeConfluence();
    const plan = await planCreate(client, {
      title: 'Minutes',
      spaceKey: 'ENG',
      markdown: '# Agenda\n\n- **one**',
    });
    expect(plan).toMatchObject({ kind: 'create', title: 'Minutes', spaceKey: 'ENG' });
    expect(plan.storage).toContain('<h1>Agenda</h1>');
    expect(plan.storage).toContain('<strong>one</strong>');
    expect(plan.parentId).toBeUndefined();
    expect(client.calls).toEqual([]);
    expect(createPlanSchema.parse(plan)).toEqual(plan);
  });

  it('raw HTML and macros in the Markdown do not reach storage', async () => {
    const client = createFakeConfluence();
    const plan = await planCreate(client, {
      title: 't',
      spaceKey: 'ENG',
      markdown: 'hi <script>alert(1)</script> <ac:structured-macro ac:name="html"/>',
    });
    expect(plan.storage).not.toContain('<script');
    expect(plan.storage).not.toContain('<ac:structured-macro');
  });

  it('loads a named parent and records its space for the policy check', async () => {
    const client = createFakeConfluence([parent]);
    const plan = await planCreate(client, {
      title: 'New',
      spaceKey: 'ENG',
      markdown: 'x',
      parent: { kind: 'id', id: '42' },
    });
    expect(plan).toMatchObject({ parentId: '42', parentTitle: 'Runbooks', parentSpaceKey: 'OPS' });
  });

  it('a missing parent fails with the client error', async () => {
    const client = createFakeConfluence();
    await expect(
      planCreate(client, { title: 'New', spaceKey: 'ENG', markdown: 'x', parent: { kind: 'id', id: '9' } }),
    ).rejects.toSatisfy((error) => isAppError(error, 'CONFLUENCE_NOT_FOUND'));
  });

  it('executeCreate sends exactly the planned storage, title, space and parent', async () => {
    const client = createFakeConfluence([parent]);
    const plan = await planCreate(client, {
      title: 'Child',
      spaceKey: 'OPS',
      markdown: 'body',
      parent: { kind: 'id', id: '42' },
    });
    const page = await executeCreate(client, plan);
    expect(client.calls.at(-1)).toEqual({
      method: 'createPage',
      input: { spaceKey: 'OPS', title: 'Child', storage: plan.storage, parentId: '42' },
    });
    expect(page.title).toBe('Child');
  });

  it('executeCreate without a parent sends no parentId', async () => {
    const client = createFakeConfluence();
    await executeCreate(client, await planCreate(client, { title: 'T', spaceKey: 'ENG', markdown: 'b' }));
    const last = client.calls.at(-1);
    expect(last?.method === 'createPage' && 'parentId' in last.input).toBe(false);
  });
});
