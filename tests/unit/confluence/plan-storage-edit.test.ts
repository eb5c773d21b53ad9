import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EARLIER_UNCOUNTED,
  excerptForPreview,
  LATER_UNCOUNTED,
  planStorageEdit,
} from '../../../bot/confluence/plan-storage-edit.js';
import { applyStorageEdit, type StorageEdit } from '../../../bot/confluence/storage-edit.js';
import { storageToMarkdown, storageToMarkdownStart } from '../../../bot/confluence/storage-to-markdown.js';
import { buildPageData } from '../../../bot/views/build-view-data.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8');
const runbook = fixture('runbook.xml');
const releaseNotes = fixture('release-notes.xml');

/** The preview as it was made before: both whole pages converted, then cut around the change. */
function wholePagePreview(storage: string, edit: StorageEdit) {
  const after = applyStorageEdit(storage, edit).storage;
  return excerptForPreview(storageToMarkdown(storage), storageToMarkdown(after));
}

function table(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>row ${i}</td><td>value ${i}</td></tr>`);
  return `<h2>Inventory</h2><table><tbody><tr><th>Name</th><th>Value</th></tr>${body.join('')}</tbody></table><p>After the table.</p>`;
}

function paragraphs(count: number): string {
  return Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}: some text about item ${i}.</p>`).join(
    '',
  );
}

describe('planStorageEdit: preview from the changed region only', () => {
  const cases: [string, string, StorageEdit][] = [
    [
      'replace in the runbook',
      runbook,
      { kind: 'replace', find: 'Pager rotation', replaceWith: 'On-call rotation' },
    ],
    [
      'section in the release notes',
      releaseNotes,
      { kind: 'section', heading: 'Known issues', markdown: '- Faster.' },
    ],
    ['append to the runbook', runbook, { kind: 'append', markdown: '## Thanks\n\nTo **everyone**.' }],
    ['body of the release notes', releaseNotes, { kind: 'body', markdown: '# New\n\nText' }],
    [
      'replace one row deep in a table',
      table(300),
      { kind: 'replace', find: 'value 150', replaceWith: 'v150' },
    ],
    ['replace the header of a table', table(50), { kind: 'replace', find: 'Name', replaceWith: 'Key' }],
    ['replace in rows and after a table', table(40), { kind: 'replace', find: 'table', replaceWith: 'grid' }],
    [
      'replace in the middle of paragraphs',
      paragraphs(400),
      { kind: 'replace', find: 'item 200.', replaceWith: 'x' },
    ],
  ];

  it.each(cases)('%s: the same excerpt and trim as converting both whole pages', (_name, storage, edit) => {
    const planned = planStorageEdit({ storage, title: 'T', edit });
    const whole = wholePagePreview(storage, edit);
    expect({ before: planned.before, after: planned.after, trim: planned.trim }).toEqual(whole);
  });

  it('a change deep in a huge page: the part before is named, not counted', () => {
    const storage = paragraphs(8_000);
    const planned = planStorageEdit({
      storage,
      title: 'T',
      edit: { kind: 'replace', find: 'item 5000.', replaceWith: 'item five thousand.' },
    });
    expect(storage.length).toBeGreaterThan(200_000);
    expect(planned.before.split('\n')[0]).toBe(EARLIER_UNCOUNTED);
    expect(planned.after.split('\n').at(-1)).toBe(LATER_UNCOUNTED);
    expect(planned.after).toContain('Paragraph 5000: some text about item five thousand.');
    expect(planned.before).toContain('Paragraph 4999:');
    expect(planned.before).not.toContain('Paragraph 4000:');
    expect(planned.trim).toBeUndefined();
  });

  it('many changes over a huge page: the preview stops early and says it was shortened', () => {
    const storage = paragraphs(990);
    const planned = planStorageEdit({
      storage,
      title: 'T',
      edit: { kind: 'replace', find: 'some text', replaceWith: 'other text' },
    });
    expect(planned.storage.split('other text')).toHaveLength(991);
    expect(planned.trim).toMatchObject({ shortened: true, trailingLines: 0 });
    expect(planned.after.length).toBeLessThanOrEqual(8_000);
  });
});

describe('page card from storage', () => {
  it('converts only the start of a big page, with the text of the whole-page conversion', () => {
    const storage = table(20_000);
    const start = storageToMarkdownStart(storage, 12_000);
    expect(start.complete).toBe(false);
    expect(start.markdown.length).toBeLessThan(20_000);
    expect(storageToMarkdown(storage).startsWith(start.markdown.slice(0, 11_000))).toBe(true);
    const page = {
      title: 'Big',
      spaceKey: 'ENG',
      ancestors: [],
      version: { number: 1, authorId: '', createdAt: '', message: '' },
      webUrl: 'https://acme.atlassian.net/wiki/x',
    };
    const fromStorage = buildPageData({ ...page, storage });
    expect(fromStorage).toEqual(buildPageData({ ...page, markdown: storageToMarkdown(storage) }));
    expect(fromStorage.truncated).toBe(true);
  });

  it('shows a small page whole, links resolved against the page’s web base', () => {
    const storage = '<p>See <ac:link><ri:page ri:content-title="Setup" ri:space-key="ENG" /></ac:link>.</p>';
    const data = buildPageData({
      title: 'Small',
      spaceKey: 'ENG',
      ancestors: [],
      version: { number: 1, authorId: '', createdAt: '', message: '' },
      webUrl: 'https://acme.atlassian.net/wiki/x',
      webBase: 'https://acme.atlassian.net/wiki',
      storage,
    });
    expect(data.truncated).toBe(false);
    expect(data.markdown).toContain('https://acme.atlassian.net/wiki/display/ENG/Setup');
  });

  it('a page of macros only: at most 64 KB of storage is converted and the card says there is more', () => {
    const macro =
      '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="x">y</ac:parameter></ac:structured-macro>';
    const storage = macro.repeat(5_000);
    const start = storageToMarkdownStart(storage, 12_000);
    expect(start.complete).toBe(false);
    expect(start.markdown).toContain('_(table of contents)_');
  });
});
