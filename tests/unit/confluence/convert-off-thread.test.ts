import { afterAll, describe, expect, it } from 'vitest';
import {
  closePageWorker,
  createPageConverter,
  markdownStartOffThread,
  planEditOffThread,
  toMarkdownOffThread,
} from '../../../bot/confluence/convert-off-thread.js';
import { planStorageEdit } from '../../../bot/confluence/plan-storage-edit.js';
import { storageToMarkdown, storageToMarkdownStart } from '../../../bot/confluence/storage-to-markdown.js';

const FLAKY_WORKER = new URL('./flaky-page-worker.ts', import.meta.url);
const MISSING_WORKER = new URL('./no-such-worker.js', import.meta.url);
const BASE = { baseUrl: 'https://acme.atlassian.net', pageUrl: 'https://acme.atlassian.net/wiki/x/1' };

/** About `bytes` of storage mixing tables, paragraphs with entities, nested lists and a macro. */
function bigPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      `<h2>Part ${i}</h2><p>Alpha &amp; <strong>beta</strong> needle ${i} with&nbsp;space.</p>` +
      `<table><tbody><tr><th>Key</th><th>Value</th></tr><tr><td>needle</td><td>${i}</td></tr></tbody></table>` +
      `<ul><li>one<ol><li>needle two</li></ol></li></ul>` +
      `<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[needle ${i}]]></ac:plain-text-body></ac:structured-macro>`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

const page = bigPage(300_000);
const pageMarkdown = storageToMarkdown(page, BASE);

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

afterAll(async () => {
  await closePageWorker();
});

describe('the shared page worker', () => {
  it('renders a big page to exactly the Markdown of the inline conversion', async () => {
    expect(await toMarkdownOffThread(page, BASE)).toBe(pageMarkdown);
  });

  it("makes a big page card's start on the worker exactly like the inline conversion, and small ones inline", async () => {
    const start = await markdownStartOffThread(page, 12_000, { baseUrl: BASE.baseUrl });
    expect(start).toEqual(storageToMarkdownStart(page, 12_000, { baseUrl: BASE.baseUrl }));
    expect(start.complete).toBe(false);
    expect(start.markdown.length).toBeGreaterThan(10_000);
    const small = bigPage(2_000);
    const converter = createPageConverter({ workerUrl: MISSING_WORKER });
    expect(await converter.toMarkdownStart(small, 12_000)).toEqual(storageToMarkdownStart(small, 12_000));
    await converter.close();
  });

  it('plans a replace on a big page exactly like the inline planner', async () => {
    const input = {
      storage: page,
      title: 'Big',
      edit: { kind: 'replace' as const, find: 'needle 1', replaceWith: 'pin' },
    };
    const planned = await planEditOffThread(input);
    expect(planned).toEqual(planStorageEdit(input));
    expect(planned.summary).toMatch(/^Replaced \d+ occurrences/);
    expect(planned.storage).toContain('<![CDATA[needle 1]]>');
  });

  it('plans a section edit and an append on a big page like the inline planner', async () => {
    for (const edit of [
      { kind: 'section' as const, heading: 'Part 3', markdown: 'New **text**.' },
      { kind: 'append' as const, markdown: '## End' },
    ]) {
      const input = { storage: page, title: 'Big', edit };
      expect(await planEditOffThread(input)).toEqual(planStorageEdit(input));
    }
  });

  it('returns the edit errors of the inline planner with the same code and message', async () => {
    const input = {
      storage: page,
      title: 'Big',
      edit: { kind: 'replace' as const, find: 'no such words', replaceWith: 'x' },
    };
    const inline = (() => {
      try {
        planStorageEdit(input);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    const offThread = await rejection(planEditOffThread(input));
    expect(offThread).toMatchObject({ code: 'INPUT_INVALID' });
    expect(offThread).toMatchObject({
      code: (inline as { code: string }).code,
      userMessage: (inline as { userMessage: string }).userMessage,
    });
  });
});

describe('createPageConverter', () => {
  it('converts small pages and title edits inline (a missing worker is never needed)', async () => {
    const converter = createPageConverter({ workerUrl: MISSING_WORKER });
    expect(await converter.toMarkdown('<p>Hello <em>there</em></p>')).toBe('Hello _there_');
    const planned = await converter.planEdit({
      storage: page,
      title: 'Old',
      edit: { kind: 'title', title: 'New' },
    });
    expect(planned).toMatchObject({ title: 'New', before: '# Old', after: '# New', storage: page });
    await converter.close();
  });

  it('a stuck job times out with PAGE_TOO_LARGE, and the next job runs on a new worker', async () => {
    const converter = createPageConverter({ minChars: 0, timeoutMs: 1_000, workerUrl: FLAKY_WORKER });
    const error = await rejection(converter.toMarkdown('<p>x</p><!--hang-->', BASE));
    expect(error).toMatchObject({ code: 'PAGE_TOO_LARGE', details: { reason: 'timeout' } });
    expect((error as { userMessage: string }).userMessage).toBe(
      `This page is too large to preview here — open it in Confluence: ${BASE.pageUrl}`,
    );
    expect(await converter.toMarkdown('<p>after</p>')).toBe('after');
    await converter.close();
  });

  it('a worker that dies gives PAGE_TOO_LARGE for its job, and the next job works', async () => {
    const converter = createPageConverter({ minChars: 0, workerUrl: FLAKY_WORKER });
    const first = await rejection(converter.toMarkdown('<p>x</p><!--die-->'));
    expect(first).toMatchObject({ code: 'PAGE_TOO_LARGE', details: { reason: 'worker-died' } });
    expect(await converter.toMarkdown('<p>after</p>')).toBe('after');
    await converter.close();
  });

  it('refuses a job cleanly when too many wait, and close() refuses the rest', async () => {
    const converter = createPageConverter({ minChars: 0, maxWaiting: 2, workerUrl: FLAKY_WORKER });
    const stuck = rejection(converter.toMarkdown('<!--hang-->'));
    const queued = [rejection(converter.toMarkdown('<p>a</p>')), rejection(converter.toMarkdown('<p>b</p>'))];
    const refused = await rejection(converter.toMarkdown('<p>c</p>', BASE));
    expect(refused).toMatchObject({ code: 'PAGE_TOO_LARGE', details: { reason: 'busy' } });
    expect((refused as { userMessage: string }).userMessage).toContain(BASE.pageUrl);
    await converter.close();
    for (const error of await Promise.all([stuck, ...queued]))
      expect(error).toMatchObject({ code: 'INTERNAL' });
    expect(await converter.toMarkdown('<p>reopened</p>')).toBe('reopened');
    await converter.close();
  });
});
