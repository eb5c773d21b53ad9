import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../bot/errors.js';
import { executeUpdate, planUpdate, updatePlanSchema } from '../../../bot/operations/update-page.js';
import { createFakeConfluence, makePage } from './fake-confluence.js';

const storage = readFileSync(new URL('../../fixtures/storage/release-notes.xml', import.meta.url), 'utf8');
const page = makePage({ id: '77', title: 'Release 4.2', spaceKey: 'ENG', storage, version: 5 });

/** Every macro, link, image, time and comment marker of the original page. */
function confluenceConstructs(text: string): string[] {
  return [
    ...(text.match(/<ac:structured-macro\b[\s\S]*?<\/ac:structured-macro>/g) ?? []),
    ...(text.match(/<ac:link>[\s\S]*?<\/ac:link>/g) ?? []),
    ...(text.match(/<ac:image\b[\s\S]*?<\/ac:image>/g) ?? []),
    ...(text.match(/<time\b[^>]*\/>/g) ?? []),
    ...(text.match(/<ac:inline-comment-marker\b[\s\S]*?<\/ac:inline-comment-marker>/g) ?? []),
  ];
}

describe('planUpdate on a realistic page', () => {
  const constructs = confluenceConstructs(storage);

  it('the fixture has the constructs we care about', () => {
    expect(constructs.length).toBeGreaterThanOrEqual(8);
  });

  it('append keeps every byte of the original and adds at the end', async () => {
    const plan = await planUpdate(page, { kind: 'append', markdown: '## Thanks\n\nTo **everyone**.' });
    expect(plan.storage.startsWith(storage.trimEnd())).toBe(true);
    expect(plan.storage).toContain('<strong>everyone</strong>');
    expect(plan).toMatchObject({
      kind: 'update',
      pageId: '77',
      spaceKey: 'ENG',
      baseVersion: 5,
      title: 'Release 4.2',
    });
    expect(plan.afterMarkdown).toContain('everyone');
    expect(page.markdown.trimEnd().endsWith(plan.beforeMarkdown)).toBe(true);
    expect(plan.previewTrim).toMatchObject({ trailingLines: 0, shortened: false });
    expect(plan.previewTrim!.leadingLines).toBeGreaterThan(0);
    expect(updatePlanSchema.parse(plan)).toEqual(plan);
  });

  it('replace changes visible text only; macro parameters and code bodies survive', async () => {
    const plan = await planUpdate(page, {
      kind: 'replace',
      find: 'Reindex after upgrading',
      replaceWith: 'Reindex once',
    });
    expect(plan.storage).toContain('Reindex once');
    expect(plan.summary).toMatch(/^Replaced 1 occurrence of/);
    const untouched = constructs.filter((c) => !c.includes('Reindex after upgrading'));
    for (const construct of untouched) expect(plan.storage).toContain(construct);
    expect(plan.storage).toContain('helm upgrade search ./chart --set search.replicas=3');
    expect(plan.storage).toContain('<ac:parameter ac:name="title">Search</ac:parameter>');
  });

  it('a section edit keeps the macros of the other sections byte for byte', async () => {
    const plan = await planUpdate(page, { kind: 'section', heading: 'Known issues', markdown: '- None.' });
    expect(plan.storage).not.toContain('Exports over 10');
    expect(plan.storage).toContain('None.');
    const section = storage.slice(
      storage.indexOf('<h2>Known issues</h2>'),
      storage.indexOf('<h2>Upgrade</h2>'),
    );
    const outside = constructs.filter((c) => !section.includes(c));
    expect(outside.length).toBe(constructs.length - 1);
    for (const construct of outside) expect(plan.storage).toContain(construct);
    expect(plan.storage.startsWith(storage.slice(0, storage.indexOf('<h2>Known issues</h2>')))).toBe(true);
    expect(plan.storage.endsWith(storage.slice(storage.indexOf('<h2>Upgrade</h2>')))).toBe(true);
  });

  it('a title edit leaves the body untouched and previews the titles', async () => {
    const plan = await planUpdate(page, { kind: 'title', title: '  Release   4.2 (final) ' });
    expect(plan.storage).toBe(storage);
    expect(plan.title).toBe('Release 4.2 (final)');
    expect(plan.currentTitle).toBe('Release 4.2');
    expect(plan.beforeMarkdown).toBe('# Release 4.2');
    expect(plan.afterMarkdown).toBe('# Release 4.2 (final)');
  });

  it.each([
    ['text not found', { kind: 'replace' as const, find: 'no such words', replaceWith: 'x' }],
    ['text only inside a code macro', { kind: 'replace' as const, find: 'helm upgrade', replaceWith: 'x' }],
    ['missing heading', { kind: 'section' as const, heading: 'Nope', markdown: 'x' }],
    ['empty title', { kind: 'title' as const, title: '   ' }],
    ['title too long', { kind: 'title' as const, title: 't'.repeat(256) }],
  ])('refuses: %s (INPUT_INVALID)', async (_name, edit) => {
    await expect(planUpdate(page, edit)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('executeUpdate', () => {
  it('writes against the previewed version with the planned title, storage and summary', async () => {
    const client = createFakeConfluence([page]);
    const plan = await planUpdate(page, { kind: 'append', markdown: 'More.' });
    const result = await executeUpdate(client, plan);
    expect(client.calls).toEqual([
      {
        method: 'updatePage',
        input: {
          pageId: '77',
          title: 'Release 4.2',
          storage: plan.storage,
          baseVersion: 5,
          message: `Confluence Assistant: ${plan.summary}`,
        },
      },
    ]);
    expect(result.version.number).toBe(6);
  });

  it('a title edit sends the new title with the unchanged body', async () => {
    const client = createFakeConfluence([page]);
    await executeUpdate(client, await planUpdate(page, { kind: 'title', title: 'Renamed' }));
    const call = client.calls[0];
    expect(call?.method === 'updatePage' && call.input).toMatchObject({
      title: 'Renamed',
      storage,
      baseVersion: 5,
    });
  });

  it('a page changed since the preview fails with CONFLUENCE_CONFLICT and is not overwritten', async () => {
    const client = createFakeConfluence([page]);
    const plan = await planUpdate(page, { kind: 'append', markdown: 'Mine.' });
    const theirs = makePage({
      id: '77',
      title: 'Release 4.2',
      spaceKey: 'ENG',
      storage: '<p>theirs</p>',
      version: 6,
    });
    client.pages.set('77', theirs);
    await expect(executeUpdate(client, plan)).rejects.toSatisfy((e) => isAppError(e, 'CONFLUENCE_CONFLICT'));
    expect(client.pages.get('77')).toBe(theirs);
  });

  it('keeps the version message within 250 characters', async () => {
    const client = createFakeConfluence([page]);
    const plan = await planUpdate(page, {
      kind: 'replace',
      find: 'Faster',
      replaceWith: 'Much faster '.repeat(30).trim(),
    });
    await executeUpdate(client, plan);
    const call = client.calls[0];
    const message = call?.method === 'updatePage' ? call.input.message : undefined;
    expect(message?.length).toBeLessThanOrEqual(250);
    expect(message?.startsWith('Confluence Assistant: Replaced 1 occurrence')).toBe(true);
  });
});
