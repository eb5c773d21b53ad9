import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { markdownToStorage } from '../../../bot/confluence/markdown-to-storage.js';
import { applyStorageEdit, type StorageEdit } from '../../../bot/confluence/storage-edit.js';
import { MAX_REPLACEMENTS } from '../../../bot/confluence/storage-edit-replace.js';
import { listHeadings } from '../../../bot/confluence/storage-edit-section.js';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';
import { MAX_STORAGE_CHARS } from '../../../bot/confluence/storage-tree.js';
import { AppError } from '../../../bot/errors.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8');
const runbook = fixture('runbook.xml');
const releaseNotes = fixture('release-notes.xml');

/** Strict XML check; Confluence's own `&nbsp;`/`&times;` are declared as Confluence does. */
function xmlErrors(storage: string): string[] {
  const parser = new SaxesParser();
  parser.ENTITIES.nbsp = '\u00a0';
  parser.ENTITIES.times = '\u00d7';
  const errors: string[] = [];
  parser.on('error', (error) => errors.push(error.message));
  parser.write(`<root>${storage}</root>`).close();
  return errors;
}

/** Self-contained Confluence constructs in a page, each expected to survive byte for byte. */
function confluenceBlocks(storage: string): string[] {
  const patterns = [
    /<ac:structured-macro\b[^>]*\/>/g,
    /<ac:structured-macro\b[^>]*[^/]>[\s\S]*?<\/ac:structured-macro>/g,
    /<ac:link\b[\s\S]*?<\/ac:link>/g,
    /<ac:image\b[\s\S]*?<\/ac:image>/g,
    /<ac:task-list>[\s\S]*?<\/ac:task-list>/g,
    /<ac:adf-extension>[\s\S]*?<\/ac:adf-extension>/g,
    /<ac:layout-section\b[^>]*>/g,
    /<time\b[^>]*\/>/g,
  ];
  return patterns.flatMap((pattern) => storage.match(pattern) ?? []);
}

/** Asserts `after` is `before` with exactly [start, end) replaced by `insert`. */
function expectSplice(before: string, after: string, start: number, end: number, insert: string): void {
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(after.length - (before.length - end))).toBe(before.slice(end));
  expect(after).toBe(before.slice(0, start) + insert + before.slice(end));
}

function userMessageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('INPUT_INVALID');
    return appError.userMessage;
  }
  throw new Error('expected an AppError');
}

describe('listHeadings', () => {
  it('lists headings in order with their levels and visible text', () => {
    expect(listHeadings(runbook)).toEqual([
      { level: 1, text: 'Payments API runbook' },
      { level: 2, text: 'Overview' },
      { level: 2, text: 'Restart procedure' },
      { level: 2, text: 'Contacts' },
      { level: 2, text: 'Checklist' },
      { level: 2, text: 'Related issues' },
    ]);
  });

  it('includes headings inside panels and ignores none', () => {
    expect(listHeadings(releaseNotes).map((h) => `${h.level}:${h.text}`)).toEqual([
      '1:Release 4.2 notes',
      '2:Highlights',
      '3:Search',
      '3:Search',
      '2:Known issues',
      '2:Upgrade',
    ]);
  });

  it('returns nothing for a page without headings or for garbage', () => {
    expect(listHeadings('<p>plain</p>')).toEqual([]);
    expect(listHeadings('<<<h2>')).toEqual([]);
  });
});

describe('applyStorageEdit — append', () => {
  it('appends inside the last layout cell and leaves every other byte alone', () => {
    const result = applyStorageEdit(runbook, { kind: 'append', markdown: 'Added by **bot**.' });
    const at = runbook.lastIndexOf('</ac:layout-cell>');
    const insert = markdownToStorage('Added by **bot**.');
    expect(insert).toBe('<p>Added by <strong>bot</strong>.</p>');
    expectSplice(runbook, result.storage, at, at, insert);
    expect(result.changed).toBe(true);
    expect(result.summary).toMatch(/last layout cell/);
    expect(xmlErrors(result.storage)).toEqual([]);
  });

  it('appends at the very end of a page without layout', () => {
    const result = applyStorageEdit(releaseNotes, { kind: 'append', markdown: '## Thanks\n\nTo everyone.' });
    expectSplice(
      releaseNotes,
      result.storage,
      releaseNotes.length,
      releaseNotes.length,
      markdownToStorage('## Thanks\n\nTo everyone.'),
    );
  });

  it('appends to an empty page', () => {
    expect(applyStorageEdit('', { kind: 'append', markdown: 'first' }).storage).toBe('<p>first</p>');
  });

  it('refuses empty content', () => {
    expect(userMessageOf(() => applyStorageEdit(runbook, { kind: 'append', markdown: '  \n' }))).toMatch(
      /empty/,
    );
  });

  it('never lets appended Markdown inject macros', () => {
    const result = applyStorageEdit(runbook, {
      kind: 'append',
      markdown:
        '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>x</script>]]></ac:plain-text-body></ac:structured-macro>',
    });
    const at = runbook.lastIndexOf('</ac:layout-cell>');
    const inserted = result.storage.slice(at, result.storage.length - (runbook.length - at));
    expect(inserted).not.toMatch(/<ac:|<script/);
    expect(xmlErrors(result.storage)).toEqual([]);
  });
});

describe('applyStorageEdit — replace', () => {
  it('replaces text that contains an entity, splicing only the raw match', () => {
    const result = applyStorageEdit(runbook, {
      kind: 'replace',
      find: 'The payments service',
      replaceWith: 'Billing',
    });
    const start = runbook.indexOf('The&nbsp;payments service');
    expectSplice(runbook, result.storage, start, start + 'The&nbsp;payments service'.length, 'Billing');
    expect(result.summary).toBe('Replaced 1 occurrence of "The payments service" with "Billing".');
  });

  it('replaces every visible occurrence and never touches code, attributes, CDATA or resource ids', () => {
    const result = applyStorageEdit(runbook, { kind: 'replace', find: 'payments', replaceWith: 'billing' });
    expect(result.summary).toBe('Replaced 2 occurrences of "payments" with "billing".');
    expect(result.storage).toContain('The&nbsp;billing service');
    expect(result.storage).toContain('<strong>#billing-incidents</strong>');
    expect(result.storage).toContain('kubectl rollout restart deploy/payments -n prod');
    expect(result.storage).toContain('href="https://status.example.com/payments"');
    expect(result.storage).toContain('ri:filename="payments-arch.png"');
    expect(result.storage.length).toBe(runbook.length - 2);
    expect(result.storage.split('billing').length - 1).toBe(2);
  });

  it('keeps every macro, mention, image and layout byte for byte', () => {
    const result = applyStorageEdit(runbook, { kind: 'replace', find: 'payments', replaceWith: 'billing' });
    const untouched = confluenceBlocks(runbook).filter((block) => !block.includes('#payments-incidents'));
    expect(untouched.length).toBeGreaterThan(12);
    for (const block of untouched) expect(result.storage).toContain(block);
    expect(result.storage).toContain(
      '<ac:task-body>Post in <strong>#billing-incidents</strong></ac:task-body>',
    );
  });

  it('edits text inside a panel body without touching the macro around it', () => {
    const result = applyStorageEdit(runbook, {
      kind: 'replace',
      find: 'Pager rotation',
      replaceWith: 'On-call rotation',
    });
    expect(result.storage).toContain(
      '<ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="33cc"><ac:rich-text-body><p>On-call rotation changes',
    );
  });

  it('edits text inside a rich link body and inline comment markers', () => {
    const link = applyStorageEdit(releaseNotes, {
      kind: 'replace',
      find: 'search settings',
      replaceWith: 'index settings',
    });
    expect(link.storage).toContain('<ac:link-body><em>index settings</em> page</ac:link-body>');
    expect(link.storage).toContain('ri:content-title="Search settings"');
    const marker = applyStorageEdit(releaseNotes, {
      kind: 'replace',
      find: 'Reviewed by QA',
      replaceWith: 'Checked',
    });
    expect(marker.storage).toContain(
      '<ac:inline-comment-marker ac:ref="c0ffee">Checked</ac:inline-comment-marker>',
    );
  });

  it('escapes the replacement as text', () => {
    const result = applyStorageEdit(runbook, {
      kind: 'replace',
      find: 'Restart the pods',
      replaceWith: '<ac:structured-macro ac:name="html"/> & <script>',
    });
    expect(result.storage).toContain(
      '<li>&lt;ac:structured-macro ac:name=&quot;html&quot;/&gt; &amp; &lt;script&gt;</li>',
    );
    expect(xmlErrors(result.storage)).toEqual([]);
  });

  it('matches entity-encoded characters and a typed space for a non-breaking one', () => {
    const result = applyStorageEdit(releaseNotes, {
      kind: 'replace',
      find: 'Ops Team & Friends',
      replaceWith: 'SRE',
    });
    expect(result.storage).toContain('Owner: SRE.</p>');
    const times = applyStorageEdit(releaseNotes, {
      kind: 'replace',
      find: '3× faster',
      replaceWith: 'much faster',
    });
    expect(times.storage).toContain('Search is much faster.');
  });

  it('reports unchanged when the replacement equals the text', () => {
    const result = applyStorageEdit(runbook, { kind: 'replace', find: 'Monday', replaceWith: 'Monday' });
    expect(result.changed).toBe(false);
    expect(result.storage).toBe(runbook);
  });

  it('is case-sensitive', () => {
    const result = applyStorageEdit(releaseNotes, { kind: 'replace', find: 'Search', replaceWith: 'Find' });
    expect(result.storage).toContain('<h3>Find</h3>');
    expect(result.storage).toContain('Faster <strong>search</strong>');
  });

  const failures: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['missing text', 'no such words', /was not found on the page/],
    ['text across bold', 'card and bank', /spans formatting/],
    ['text across paragraphs', 'transfers. See the architecture page', /spans formatting|was not found/],
    ['text only in a code macro', 'kubectl rollout', /only inside a macro, code block/],
    ['text only in a macro parameter', 'System JIRA', /only inside a macro/],
    ['text only in a CDATA link body', 'Dana Ops', /only inside a macro/],
    ['attribute value', 'text-decoration', /was not found/],
    ['tag name', 'ac:structured-macro', /was not found/],
    ['blank', '   ', /which text/],
  ];

  it.each(failures)('explains a failed find: %s', (_name, find, message) => {
    expect(
      userMessageOf(() => applyStorageEdit(runbook, { kind: 'replace', find, replaceWith: 'x' })),
    ).toMatch(message);
  });

  it('never produces malformed XML and never touches protected blocks (property)', () => {
    const words = [
      'payments',
      'Monday',
      'the',
      'Restart',
      'Wait for',
      'Role',
      'alert',
      '10',
      'Primary',
      'deprecated',
    ];
    const protectedBlocks = confluenceBlocks(runbook).filter(
      (block) =>
        block.includes('ac:name="code"') || block.includes('ri:user') || block.includes('ac:name="jira"'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (find, replaceWith) => {
          const result = applyStorageEdit(runbook, { kind: 'replace', find, replaceWith });
          expect(xmlErrors(result.storage)).toEqual([]);
          for (const block of protectedBlocks) expect(result.storage).toContain(block);
          expect(
            result.storage.startsWith(
              '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><h1>',
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('applyStorageEdit — section', () => {
  it('replaces only the content between the heading and the next heading of the same level', () => {
    const result = applyStorageEdit(runbook, {
      kind: 'section',
      heading: 'contacts',
      markdown: 'Call **Dana**.',
    });
    const start = runbook.indexOf('<h2>Contacts</h2>') + '<h2>Contacts</h2>'.length;
    const end = runbook.indexOf('<h2>Checklist</h2>');
    expectSplice(runbook, result.storage, start, end, '<p>Call <strong>Dana</strong>.</p>');
    expect(result.summary).toBe('Replaced the section under heading "Contacts".');
    expect(xmlErrors(result.storage)).toEqual([]);
  });

  it('takes lower-level headings along and stops at the enclosing container', () => {
    const result = applyStorageEdit(releaseNotes, {
      kind: 'section',
      heading: '## Highlights',
      markdown: 'Short list.',
    });
    const start = releaseNotes.indexOf('<h2>Highlights</h2>') + '<h2>Highlights</h2>'.length;
    const end = releaseNotes.indexOf('<h2>Known issues</h2>');
    expectSplice(releaseNotes, result.storage, start, end, '<p>Short list.</p>');

    const inCell = applyStorageEdit(runbook, {
      kind: 'section',
      heading: 'Related issues',
      markdown: 'None.',
    });
    const cellStart = runbook.indexOf('<h2>Related issues</h2>') + '<h2>Related issues</h2>'.length;
    const cellEnd = runbook.lastIndexOf('</ac:layout-cell>');
    expectSplice(runbook, inCell.storage, cellStart, cellEnd, '<p>None.</p>');
  });

  it('runs to the end of the page for the last top-level heading', () => {
    const result = applyStorageEdit(releaseNotes, {
      kind: 'section',
      heading: 'UPGRADE',
      markdown: '```sh\nmake upgrade\n```',
    });
    const start = releaseNotes.indexOf('<h2>Upgrade</h2>') + '<h2>Upgrade</h2>'.length;
    expectSplice(
      releaseNotes,
      result.storage,
      start,
      releaseNotes.length,
      markdownToStorage('```sh\nmake upgrade\n```'),
    );
  });

  it('can empty a section', () => {
    const result = applyStorageEdit(runbook, { kind: 'section', heading: 'Checklist', markdown: '' });
    expect(result.storage).toContain('<h2>Checklist</h2><h2>Related issues</h2>');
    expect(result.summary).toMatch(/^Emptied/);
  });

  it('lists the headings that exist when the heading is missing', () => {
    const message = userMessageOf(() =>
      applyStorageEdit(runbook, { kind: 'section', heading: 'Rollback', markdown: 'x' }),
    );
    expect(message).toBe(
      'There is no heading "Rollback" on the page. Headings: "Payments API runbook", "Overview", "Restart procedure", "Contacts", "Checklist", "Related issues".',
    );
  });

  it('refuses an ambiguous heading', () => {
    expect(
      userMessageOf(() =>
        applyStorageEdit(releaseNotes, { kind: 'section', heading: 'Search', markdown: 'x' }),
      ),
    ).toMatch(/appears 2 times/);
  });

  it('explains a page without headings', () => {
    expect(
      userMessageOf(() => applyStorageEdit('<p>x</p>', { kind: 'section', heading: 'A', markdown: 'x' })),
    ).toMatch(/no headings/);
  });
});

describe('applyStorageEdit — deep pages', () => {
  it('handles very deep nesting without overflowing the stack', () => {
    const deep = `${'<div>'.repeat(12000)}<h2>T</h2><p>deep text</p>${'</div>'.repeat(12000)}`;
    expect(listHeadings(deep)).toEqual([{ level: 2, text: 'T' }]);
    const replaced = applyStorageEdit(deep, { kind: 'replace', find: 'deep', replaceWith: 'shallow' });
    expect(replaced.storage).toBe(deep.replace('<p>deep text</p>', '<p>shallow text</p>'));
    const section = applyStorageEdit(deep, { kind: 'section', heading: 'T', markdown: 'x' });
    expect(section.storage).toBe(deep.replace('<p>deep text</p>', '<p>x</p>'));
  });
});

describe('applyStorageEdit — body and title', () => {
  it('replaces the whole body with converted Markdown', () => {
    const result = applyStorageEdit(runbook, { kind: 'body', markdown: '# New\n\nText' });
    expect(result.storage).toBe('<h1>New</h1>\n<p>Text</p>');
    expect(result.changed).toBe(true);
    expect(storageToMarkdown(result.storage)).toBe('# New\n\nText');
  });

  it('refuses an empty body', () => {
    expect(userMessageOf(() => applyStorageEdit(runbook, { kind: 'body', markdown: '' }))).toMatch(/empty/);
  });

  it('leaves the body untouched for a title edit and returns the clean title', () => {
    const result = applyStorageEdit(runbook, { kind: 'title', title: '  Payments   runbook v2 ' });
    expect(result).toEqual({
      storage: runbook,
      changed: false,
      summary: 'Title set to "Payments runbook v2"; body unchanged.',
      title: 'Payments runbook v2',
    });
  });

  it('rejects empty and over-long titles', () => {
    expect(userMessageOf(() => applyStorageEdit(runbook, { kind: 'title', title: ' \n ' }))).toMatch(/empty/);
    expect(userMessageOf(() => applyStorageEdit(runbook, { kind: 'title', title: 'x'.repeat(256) }))).toMatch(
      /255/,
    );
  });

  it('rejects an edit that does not match the schema', () => {
    const bogus = { kind: 'delete' } as unknown as StorageEdit;
    expect(userMessageOf(() => applyStorageEdit(runbook, bogus))).toBe('That edit is not valid.');
  });
});

describe('applyStorageEdit — large pages (one pass, bytes outside matches identical)', () => {
  it('replaces hundreds of matches in an 80 KB paragraph, entities and protected text included', () => {
    const words: string[] = [];
    for (let i = 0, length = 0; length < 80_000; i++) {
      const word = i % 20 === 0 ? 'R&amp;D' : i % 20 === 1 ? '<strong>bold</strong>' : `w${i}`;
      words.push(word);
      length += word.length + 1;
    }
    const macro =
      '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">R&amp;D</ac:parameter></ac:structured-macro>';
    const storage = `<p>${words.join(' ')}</p>${macro}`;
    const result = applyStorageEdit(storage, { kind: 'replace', find: 'R&D', replaceWith: 'Research <R>' });
    const count = words.filter((word) => word === 'R&amp;D').length;
    expect(count).toBeGreaterThan(500);
    expect(result.summary).toContain(`Replaced ${count} occurrences`);
    const expected = `<p>${words.map((w) => (w === 'R&amp;D' ? 'Research &lt;R&gt;' : w)).join(' ')}</p>${macro}`;
    expect(result.storage).toBe(expected);
  });

  it('replaces one word in every third row of a 2,000 × 10 table and nothing else', () => {
    const rows = Array.from(
      { length: 2000 },
      (_, r) =>
        `<tr>${Array.from({ length: 10 }, (_, c) => `<td>${c === 3 && r % 3 === 0 ? 'old' : `r${r}c${c}`}</td>`).join('')}</tr>`,
    );
    const storage = `<table><tbody>${rows.join('')}</tbody></table>`;
    const result = applyStorageEdit(storage, { kind: 'replace', find: 'old', replaceWith: 'new' });
    expect(result.storage).toBe(storage.replaceAll('<td>old</td>', '<td>new</td>'));
    expect(result.summary).toContain('Replaced 667 occurrences');
  });

  it(`refuses a replace matching more than ${MAX_REPLACEMENTS} times`, () => {
    const storage = `<p>${'a '.repeat(MAX_REPLACEMENTS + 1)}</p>`;
    expect(() => applyStorageEdit(storage, { kind: 'replace', find: 'a', replaceWith: 'b' })).toThrow(
      /more than 1,000 times/,
    );
    const justEnough = `<p>${'a '.repeat(MAX_REPLACEMENTS)}</p>`;
    expect(applyStorageEdit(justEnough, { kind: 'replace', find: 'a', replaceWith: 'b' }).storage).toBe(
      `<p>${'b '.repeat(MAX_REPLACEMENTS)}</p>`,
    );
  });

  it('refuses pages over the size limit, and edits that would grow a page past it', () => {
    const huge = `<p>${'x'.repeat(MAX_STORAGE_CHARS)}</p>`;
    expect(() => applyStorageEdit(huge, { kind: 'append', markdown: 'more' })).toThrow(AppError);
    try {
      applyStorageEdit(huge, { kind: 'append', markdown: 'more' });
    } catch (error) {
      expect((error as AppError).code).toBe('PAGE_TOO_LARGE');
    }
    const almost = `<p>${'x'.repeat(MAX_STORAGE_CHARS - 20)}</p>`;
    let caught: unknown;
    try {
      applyStorageEdit(almost, { kind: 'append', markdown: 'a paragraph that does not fit' });
    } catch (error) {
      caught = error;
    }
    expect((caught as AppError).code).toBe('PAGE_TOO_LARGE');
    expect((caught as AppError).userMessage).toContain('too large to preview here');
  });

  it('keeps a text run split at many stray "<" exact when replacing in it', () => {
    const raw = Array.from({ length: 900 }, (_, i) => `x${i} < y`).join(' ');
    const storage = `<p>${raw}</p>`;
    const result = applyStorageEdit(storage, { kind: 'replace', find: 'y', replaceWith: 'z' });
    expect(result.storage).toBe(`<p>${raw.replaceAll('< y', '< z')}</p>`);
  });
});
