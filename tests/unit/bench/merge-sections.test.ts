import { describe, expect, it } from 'vitest';
import { mergeSections, splitSections } from '../../bench/run-benchmarks.js';

const EXISTING = [
  '# Benchmarks',
  '',
  'old header',
  '',
  '## Machine',
  '',
  '- old machine',
  '',
  '## Audit store',
  '',
  'old audit figures',
  '',
  '## Understanding — requests',
  '',
  'from the requests test',
  '',
].join('\n');

describe('BENCHMARKS.md merge', () => {
  it('splits a document into its sections by title', () => {
    expect([...splitSections(EXISTING).keys()]).toEqual([
      'Machine',
      'Audit store',
      'Understanding — requests',
    ]);
  });

  it('replaces measured sections in place, keeps the others and appends new ones', () => {
    const merged = mergeSections(
      EXISTING,
      [
        { title: 'Audit store', markdown: 'new audit figures' },
        { title: 'Soak', markdown: 'flat' },
      ],
      '- new machine',
    );
    expect(merged).not.toContain('old audit figures');
    expect(merged).not.toContain('old machine');
    expect(merged).toContain('## Audit store\n\nnew audit figures\n');
    expect(merged).toContain('## Understanding — requests\n\nfrom the requests test\n');
    const order = ['## Machine', '## Audit store', '## Understanding — requests', '## Soak'].map((t) =>
      merged.indexOf(t),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
  });

  it('starts a document from nothing', () => {
    const merged = mergeSections('', [{ title: 'Soak', markdown: 'flat' }], '- machine');
    expect(merged.startsWith('# Benchmarks')).toBe(true);
    expect(merged).toContain('## Machine\n\n- machine\n');
    expect(merged).toContain('## Soak\n\nflat\n');
  });
});
