import { describe, expect, it } from 'vitest';
import { MAX_PASSAGES_PER_PAGE, splitPassages } from '../../../bot/answers/split-passages.js';

describe('splitPassages', () => {
  it('makes table rows carry their column headers and skips empty cells', () => {
    const markdown =
      '## Rota\n\n| Week | Primary | Secondary |\n| --- | --- | --- |\n| W10 | Ada Lovelace | |\n';
    expect(splitPassages(markdown)).toEqual([
      { text: 'Week: W10 · Primary: Ada Lovelace', heading: 'Rota', index: 0 },
    ]);
  });

  it('makes list and task items passages of their list, under their heading', () => {
    const passages = splitPassages(
      '## Steps\n\n1. Page the owner.\n2. Promote the replica.\n\n- [x] Tests written\n',
    );
    expect(passages.map((p) => [p.text, p.heading, p.list])).toEqual([
      ['Page the owner.', 'Steps', 0],
      ['Promote the replica.', 'Steps', 0],
      ['Tests written', 'Steps', 1],
    ]);
  });

  it('unwraps panels, uses bold-only lines as headings, keeps code as one passage, skips placeholders', () => {
    const markdown =
      '_(table of contents)_\n\n> **Warning:** Never share them.\n\n**Per diem rates**\n\nGermany pays 28 EUR.\n\n```bash\nwg-quick up\n```\n\n[image: a.png]\n';
    expect(splitPassages(markdown).map((p) => [p.text, p.heading])).toEqual([
      ['**Warning:** Never share them.', undefined],
      ['Germany pays 28 EUR.', 'Per diem rates'],
      ['`wg-quick up`', 'Per diem rates'],
    ]);
  });

  it('splits long paragraphs at sentence ends and caps the passages of a page', () => {
    const long = 'This sentence is about forty characters. '.repeat(40);
    expect(splitPassages(long).length).toBeGreaterThan(2);
    const many = Array.from({ length: 1000 }, (_, i) => `Paragraph number ${i}.`).join('\n\n');
    expect(splitPassages(many)).toHaveLength(MAX_PASSAGES_PER_PAGE);
  });
});
