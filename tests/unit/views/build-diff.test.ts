import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDiffView, buildUpdatePreviewBody } from '../../../bot/views/build-diff.js';

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('buildDiffView', () => {
  it('marks removed and added lines and keeps two lines of context', () => {
    const before = lines(10).join('\n');
    const after = before.replace('line 5', 'line five');
    const view = buildDiffView(before, after);
    expect(view.lines).toStrictEqual([
      { kind: 'gap', text: '… 2 unchanged lines' },
      { kind: 'context', text: '  line 3' },
      { kind: 'context', text: '  line 4' },
      { kind: 'removed', text: '- line 5' },
      { kind: 'added', text: '+ line five' },
      { kind: 'context', text: '  line 6' },
      { kind: 'context', text: '  line 7' },
      { kind: 'gap', text: '… 3 unchanged lines' },
    ]);
    expect(view).toMatchObject({ added: 1, removed: 1, omittedLines: 0 });
  });

  it('merges nearby changes into one hunk and says "1 unchanged line"', () => {
    const before = lines(8).join('\n');
    const after = before.replace('line 2', 'two').replace('line 7', 'seven');
    const text = buildDiffView(before, after, { contextLines: 1 }).lines.map((l) => l.text);
    expect(text).toEqual([
      '  line 1',
      '- line 2',
      '+ two',
      '  line 3',
      '… 2 unchanged lines',
      '  line 6',
      '- line 7',
      '+ seven',
      '  line 8',
    ]);
    const single = buildDiffView('a\nb\nc\nd', 'A\nb\nc\nd', { contextLines: 1 }).lines.map((l) => l.text);
    expect(single).toEqual(['- a', '+ A', '  b', '… 2 unchanged lines']);
    expect(buildDiffView('a\nb\nc', 'A\nb\nc', { contextLines: 1 }).lines.at(-1)).toEqual({
      kind: 'gap',
      text: '… 1 unchanged line',
    });
  });

  it('truncates long diffs and counts the changed lines left out', () => {
    const view = buildDiffView('', lines(100).join('\n'), { maxLines: 40 });
    expect(view.lines).toHaveLength(40);
    expect(view.omittedLines).toBe(60);
    expect(view.added).toBe(100);
  });

  it('clips very long lines', () => {
    const view = buildDiffView('', 'x'.repeat(5000), { maxLineLength: 50 });
    expect(view.lines[0]!.text).toHaveLength(50);
    expect(view.lines[0]!.text.endsWith('…')).toBe(true);
  });

  it('treats CRLF like LF and ignores a final newline', () => {
    expect(buildDiffView('a\r\nb\r\n', 'a\nb').lines).toEqual([]);
  });

  it('falls back to remove-all/add-all past maxEditLength', () => {
    const before = lines(50, 'old').join('\n');
    const after = lines(50, 'new').join('\n');
    const view = buildDiffView(before, after, { maxEditLength: 5, maxLines: 200 });
    expect(view.lines.slice(0, 50).every((l) => l.kind === 'removed')).toBe(true);
    expect(view.lines.slice(50).every((l) => l.kind === 'added')).toBe(true);
    expect(view).toMatchObject({ added: 50, removed: 50 });
  });

  it('counts every changed line exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'e', ''), { maxLength: 30 }),
        (a, b) => {
          const view = buildDiffView(a.join('\n'), b.join('\n'), { maxLines: 1000 });
          const shownAdded = view.lines.filter((l) => l.kind === 'added').length;
          const shownRemoved = view.lines.filter((l) => l.kind === 'removed').length;
          expect(shownAdded).toBe(view.added);
          expect(shownRemoved).toBe(view.removed);
          const newLines = view.lines.filter((l) => l.kind !== 'removed' && l.kind !== 'gap');
          for (const l of newLines) expect(l.text.slice(0, 2)).toMatch(/^(\+ | {2})$/);
        },
      ),
    );
  });
});

describe('buildDiffView — large inputs', () => {
  const page = (count: number, change: (i: number) => boolean) =>
    Array.from({ length: count }, (_, i) => (change(i) ? `| row ${i} | new |` : `| row ${i} | old |`)).join(
      '\n',
    );

  it('counts every change of a 6,000-line page edited in 1,500 places (no remove-all fallback) and shows the first ones', () => {
    const before = page(6000, () => false);
    const after = page(6000, (i) => i % 4 === 3);
    const view = buildDiffView(before, after, { maxLines: 40 });
    expect(view).toMatchObject({ added: 1500, removed: 1500 });
    expect(view.lines).toHaveLength(40);
    expect(view.lines[0]).toEqual({ kind: 'gap', text: '… 1 unchanged line' });
    expect(view.lines.slice(1, 6).map((l) => l.text)).toEqual([
      '  | row 1 | old |',
      '  | row 2 | old |',
      '- | row 3 | old |',
      '+ | row 3 | new |',
      '  | row 4 | old |',
    ]);
    const shownChanged = view.lines.filter((l) => l.kind === 'added' || l.kind === 'removed').length;
    expect(view.omittedLines).toBe(3000 - shownChanged);
  });

  it('skips the unchanged start and end of a big page before diffing', () => {
    const before = page(50_000, () => false);
    const after = page(50_000, (i) => i === 40_000);
    const view = buildDiffView(before, after);
    expect(view).toMatchObject({ added: 1, removed: 1, omittedLines: 0 });
    expect(view.lines.map((l) => l.text)).toContain('+ | row 40000 | new |');
  });
});

describe('buildUpdatePreviewBody', () => {
  it('carries page facts and the diff', () => {
    const body = buildUpdatePreviewBody({
      title: 'Runbook',
      webUrl: 'https://acme.atlassian.net/wiki/x',
      baseVersion: 4,
      summary: 'Append 1 line',
      before: 'a',
      after: 'a\nb',
    });
    expect(body).toStrictEqual({
      kind: 'update',
      title: 'Runbook',
      webUrl: 'https://acme.atlassian.net/wiki/x',
      baseVersion: 4,
      summary: 'Append 1 line',
      diff: [
        { kind: 'context', text: '  a' },
        { kind: 'added', text: '+ b' },
      ],
      omittedLines: 0,
      added: 1,
      removed: 0,
    });
  });
});
