import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPageData, buildSearchResultsData } from '../../../bot/views/build-view-data.js';
import {
  calendarDaysUntil,
  clipLine,
  formatAge,
  formatAgo,
  formatDuration,
  formatTimestamp,
  toTeamsMarkdown,
  truncateText,
} from '../../../bot/views/format.js';

describe('formatTimestamp / formatDuration / formatAge', () => {
  it('formats instants in UTC and passes invalid input through', () => {
    expect(formatTimestamp('2025-03-01T10:04:59.999+02:00')).toBe('2025-03-01 08:04 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });

  it('formats durations with singular and plural units', () => {
    expect(formatDuration(-5)).toBe('just now');
    expect(formatDuration(59_999)).toBe('just now');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(3 * 3_600_000)).toBe('3 hours');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatAge('2025-03-01T00:00:00Z', new Date('2025-03-03T12:00:00Z'))).toBe('2 days');
    expect(formatAge('bad', new Date())).toBe('unknown');
    expect(formatAgo('2025-03-01T00:00:00Z', new Date('2025-03-01T00:00:30Z'))).toBe('just now');
    expect(formatAgo('2025-03-01T00:00:00Z', new Date('2025-03-01T03:00:00Z'))).toBe('3 hours ago');
  });
});

describe('calendarDaysUntil', () => {
  it.each(['00:30', '11:59', '23:59'])('counts UTC calendar days whatever the time of day (%s)', (time) => {
    const now = new Date(`2026-11-28T${time}:00Z`);
    expect(calendarDaysUntil(new Date('2026-12-03T00:00:00Z'), now)).toBe(5);
    expect(calendarDaysUntil(new Date('2026-11-28T00:00:00Z'), now)).toBe(0);
    expect(calendarDaysUntil(new Date('2026-11-27T00:00:00Z'), now)).toBe(-1);
    expect(calendarDaysUntil(new Date('2027-01-01T00:00:00Z'), now)).toBe(34);
  });
});

describe('toTeamsMarkdown', () => {
  it('turns headings bold, images into labels and rules into a plain line, outside code fences', () => {
    const md = [
      '# Title',
      '### Sub ###',
      '![chart](https://x/y.png) and ![](z.png)',
      '---',
      '```',
      '# not a heading',
      '```',
    ];
    expect(toTeamsMarkdown(md.join('\r\n')).split('\n')).toEqual([
      '**Title**',
      '**Sub**',
      '[image: chart] and [image]',
      '———',
      '',
      '`# not a heading`',
      '',
      '',
    ]);
  });

  it('reads headings like CommonMark: closing hashes, empty headings, and #hashtags that are not headings', () => {
    const md = ['## Title #', '#', '####### seven', '#hashtag', '# C# tips', '   ### indented', '# a ## b'];
    expect(toTeamsMarkdown(md.join('\n')).split('\n')).toEqual([
      '**Title**',
      '',
      '####### seven',
      '#hashtag',
      '**C# tips**',
      '**indented**',
      '**a ## b**',
    ]);
  });

  it('handles adversarial lines (a # line of spaces, thousands of unclosed image brackets) correctly', () => {
    expect(toTeamsMarkdown(`# x${' '.repeat(20_000)}y`)).toBe(`**x${' '.repeat(20_000)}y**`);
    const brackets = '![a'.repeat(20_000);
    expect(toTeamsMarkdown(brackets)).toBe(brackets);
    const nested = `${'!['.repeat(5_000)}alt](src)`;
    expect(toTeamsMarkdown(nested)).toBe(`${'!['.repeat(4_999)}[image: alt]`);
  });

  it('shows task lists with ballot boxes (Teams prints the brackets literally)', () => {
    const md = ['- [ ] open', '  * [x] done', '- [X] Done', '- [y] other', '- [ ]', 'text - [ ] mid'];
    expect(toTeamsMarkdown(md.join('\n')).split('\n')).toEqual([
      '- ☐ open',
      '  * ☑ done',
      '- ☑ Done',
      '- [y] other',
      '- ☐',
      'text - [ ] mid',
    ]);
  });

  it('keeps every line of a code block on its own line, as inline code', () => {
    const md = '```bash\nsudo apt install wireguard\n\necho `date`\n```';
    expect(toTeamsMarkdown(md)).toBe('\n`sudo apt install wireguard`\n\n\n`` echo `date` ``\n\n');
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('short', 10)).toEqual({ text: 'short', truncated: false });
  });

  it('cuts at the last paragraph break in the second half', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}`;
    expect(truncateText(text, 100)).toEqual({ text: 'a'.repeat(60), truncated: true });
  });

  it('falls back to a line break, then a space', () => {
    expect(truncateText(`${'a'.repeat(70)}\n${'b'.repeat(60)}`, 100).text).toBe('a'.repeat(70));
    expect(truncateText(`${'a '.repeat(40)}${'c'.repeat(60)}`, 100).text).toBe('a '.repeat(40).trimEnd());
  });

  it('closes an open code fence and never splits a surrogate pair', () => {
    expect(truncateText(`intro\n\n\`\`\`\n${'code\n'.repeat(50)}`, 60).text.endsWith('\n```')).toBe(true);
    const emoji = '😀'.repeat(100);
    const cut = truncateText(emoji, 51).text;
    expect(cut).toBe('😀'.repeat(25));
  });

  it('stays within the limit (plus a closing fence) and is a prefix (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        const { text: out, truncated } = truncateText(text, max);
        expect(truncated).toBe(text.length > max);
        const body = out.endsWith('\n```') && truncated ? out.slice(0, -4) : out;
        expect(body.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(body)).toBe(true);
      }),
    );
  });

  it('clipLine adds an ellipsis only when cutting', () => {
    expect(clipLine('abc', 3)).toBe('abc');
    expect(clipLine('abcd', 3)).toBe('ab…');
  });
});

describe('buildSearchResultsData / buildPageData', () => {
  it('maps hits, flattens excerpts and passes the cursor as the next token', () => {
    const data = buildSearchResultsData({
      query: 'leave',
      spaceKeys: [],
      results: {
        totalSize: 1,
        nextCursor: 'n1',
        hits: [
          {
            pageId: '7',
            title: 'Leave',
            spaceKey: 'HR',
            excerpt: [
              { text: 'parental\n\n', highlight: false },
              { text: 'leave', highlight: true },
            ],
            lastModified: '2025-01-02T03:04:05Z',
            webUrl: 'https://acme.atlassian.net/wiki/7',
          },
        ],
      },
    });
    expect(data).toStrictEqual({
      query: 'leave',
      spaceFilter: 'in all allowed spaces',
      total: 1,
      nextToken: 'n1',
      hits: [
        {
          pageId: '7',
          title: 'Leave',
          spaceKey: 'HR',
          excerpt: [
            { text: 'parental ', highlight: false },
            { text: 'leave', highlight: true },
          ],
          lastModified: '2025-01-02 03:04 UTC',
          webUrl: 'https://acme.atlassian.net/wiki/7',
        },
      ],
    });
  });

  it('builds the breadcrumb and truncates long pages near 3,000 characters', () => {
    const para = `${'word '.repeat(99)}word`;
    const data = buildPageData(
      {
        title: 'T',
        spaceKey: 'HR',
        ancestors: [
          { id: '1', title: 'A' },
          { id: '2', title: 'B' },
          { id: '3', title: 'C' },
        ],
        version: { number: 3, authorId: 'x', createdAt: '2025-01-01T00:00:00Z', message: '' },
        markdown: Array.from({ length: 20 }, () => para).join('\n\n'),
        webUrl: 'https://acme.atlassian.net/wiki/1',
      },
      { authorName: 'Ana' },
    );
    expect(data.breadcrumb).toBe('A › B › C');
    expect(data.truncated).toBe(true);
    expect(data.markdown.length).toBeLessThanOrEqual(3000);
    expect(data.markdown.length).toBeGreaterThan(2400);
    expect(data.markdown.endsWith('word')).toBe(true);
    expect(data.author).toBe('Ana');
  });
});
