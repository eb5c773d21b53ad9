import { describe, expect, it } from 'vitest';
import { applyStorageEdit } from '../../../bot/confluence/storage-edit.js';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';
import { buildUpdatePreviewBody } from '../../../bot/views/build-diff.js';
import { buildPageData, PAGE_MAX_CHARS } from '../../../bot/views/build-view-data.js';
import { renderCard } from '../../../bot/views/render-card.js';
import { CARD_FIXTURES } from './card-fixtures.js';

/** Teams refuses bot messages over about 28 KB; cards must stay well under it. */
const TEAMS_CARD_LIMIT = 28 * 1024;

function bigTableStorage(rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, r) =>
      `<tr><td>row ${r}</td><td>${r % 15 === 0 ? 'target' : 'value'} ${r}</td><td>note ${r}</td></tr>`,
  );
  return `<h1>Inventory</h1><table><tbody><tr><th>a</th><th>b</th><th>c</th></tr>${body.join('')}</tbody></table>`;
}

describe('cards for large pages', () => {
  const storage = bigTableStorage(12_000);
  const markdown = storageToMarkdown(storage);
  const page = {
    title: 'Inventory',
    spaceKey: 'OPS',
    ancestors: [],
    version: { number: 3, authorId: 'a', createdAt: '2025-01-01T00:00:00Z', message: '' },
    markdown,
    webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/9',
  };

  it('shows the start of a page of several hundred KB, marked truncated, in a card under 28 KB', () => {
    expect(markdown.length).toBeGreaterThan(300_000);
    const data = buildPageData(page);
    expect(data.truncated).toBe(true);
    expect(data.markdown.length).toBeLessThanOrEqual(PAGE_MAX_CHARS);
    expect(data.markdown.startsWith('**Inventory**\n\n| a | b | c |')).toBe(true);
    expect(JSON.stringify(renderCard('page', data)).length).toBeLessThan(TEAMS_CARD_LIMIT);
  });

  it('marks a page truncated when the text beyond the converted window was never converted', () => {
    const fences = '```\n```\n'.repeat(2000);
    const data = buildPageData({ ...page, markdown: fences }, { maxChars: 100 });
    expect(data).toMatchObject({ markdown: '', truncated: true });
  });

  it('keeps the update preview of a 800-row replace under 28 KB with every change counted', () => {
    const result = applyStorageEdit(storage, { kind: 'replace', find: 'target', replaceWith: 'goal' });
    const preview = buildUpdatePreviewBody({
      title: 'Inventory',
      webUrl: page.webUrl,
      baseVersion: 3,
      summary: result.summary,
      before: markdown,
      after: storageToMarkdown(result.storage),
    });
    expect(preview).toMatchObject({ added: 800, removed: 800 });
    const card = renderCard('approval', { ...CARD_FIXTURES.approval[0]!.data, preview });
    expect(JSON.stringify(card).length).toBeLessThan(TEAMS_CARD_LIMIT);
  });
});
