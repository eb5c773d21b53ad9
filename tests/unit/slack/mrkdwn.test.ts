import { describe, expect, it } from 'vitest';
import { markdownToMrkdwn } from '../../../bot/slack/markdown-to-mrkdwn.js';
import { escapeMrkdwn, isHttpUrl, linkMrkdwn } from '../../../bot/slack/mrkdwn.js';
import { clipMrkdwn, splitMrkdwn } from '../../../bot/slack/mrkdwn-clip.js';
import { alignedTable } from '../../../bot/slack/mrkdwn-table.js';

/** Every `<` in mrkdwn must open a link the renderer wrote (`<http…|…>`), never a mention or broadcast. */
function rawAngles(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (!/^<https?:\/\/[^|<>\s]+\|[^<>]*>/.test(text.slice(at, at + 4000)))
      found.push(text.slice(at, at + 20));
  }
  return found;
}

function fencesBalanced(text: string): boolean {
  return (text.split('```').length - 1) % 2 === 0;
}

describe('escapeMrkdwn', () => {
  it.each([
    ['<!here>', '&lt;!here&gt;'],
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<#C123|general>', '&lt;#C123|general&gt;'],
    ['a & b <script>', 'a &amp; b &lt;script&gt;'],
    ['&amp;', '&amp;amp;'],
    ['<https://evil.example|click me>', '&lt;https://evil.example|click me&gt;'],
    ['*bold* _it_ ~s~ `c`', '*bold* _it_ ~s~ `c`'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('linkMrkdwn', () => {
  it.each([
    ['https://acme.example/p?a=1&b=2', 'Page', '<https://acme.example/p?a=1&amp;b=2|Page>'],
    ['http://localhost:8080/x', 'Local', '<http://localhost:8080/x|Local>'],
    ['https://e.example/a|b>c<d', 'x', '<https://e.example/a%7Cb%3Ec%3Cd|x>'],
    ['https://e.example', 'a|b > c <!here>', '<https://e.example|a∣b &gt; c &lt;!here&gt;>'],
    ['https://e.example', '', '<https://e.example|https://e.example>'],
    ['javascript:alert(1)', 'click', 'click'],
    ['/wiki/relative', 'rel', 'rel'],
    ['https://has space', 'sp', 'sp'],
    ['mailto:a@b.c', '<@U1>', '&lt;@U1&gt;'],
  ])('%s + %j', (url, label, expected) => {
    expect(linkMrkdwn(url, label)).toBe(expected);
  });

  it('accepts only http(s) URLs', () => {
    expect(isHttpUrl('HTTPS://A.EXAMPLE')).toBe(true);
    expect(isHttpUrl('https://')).toBe(false);
    expect(isHttpUrl('ftp://x')).toBe(false);
    expect(isHttpUrl('https://a\nb')).toBe(false);
  });
});

describe('markdownToMrkdwn', () => {
  it.each([
    ['**bold** and ~~gone~~', '*bold* and ~gone~'],
    ['# Title', '*Title*'],
    ['### Title with **bold** ###', '*Title with bold*'],
    ['- one\n* two\n  + three', '• one\n• two\n  • three'],
    ['1. first\n2. second', '1. first\n2. second'],
    ['> quoted <!here>', '> quoted &lt;!here&gt;'],
    ['[Docs](https://d.example/a_b)', '<https://d.example/a_b|Docs>'],
    ['[x](https://d.example/wiki/(a)) tail', '<https://d.example/wiki/(a)|x> tail'],
    ['[bad](javascript:alert(1)) tail', 'bad tail'],
    ['![diagram](https://x.example/y.png)', '<https://x.example/y.png|image: diagram>'],
    ['![](local.png)', '[image]'],
    ['\\*not bold\\* \\[not a link\\](x)', '*not bold* [not a link](x)'],
    ['use `a <b> & c` here', 'use `a &lt;b&gt; &amp; c` here'],
    ['a & b <script>', 'a &amp; b &lt;script&gt;'],
    ['<@U123> <!channel>', '&lt;@U123&gt; &lt;!channel&gt;'],
    ['---', '———'],
    ['**Teams heading**\n☐ task', '*Teams heading*\n☐ task'],
  ])('%j', (input, expected) => {
    expect(markdownToMrkdwn(input)).toBe(expected);
  });

  it('keeps fenced code as a ``` block that page text cannot close early', () => {
    const out = markdownToMrkdwn('before\n```js\nconst a = 1 < 2 && x;\n```not a close\n```\nafter');
    expect(out).toBe('before\n```\nconst a = 1 &lt; 2 &amp;&amp; x;\n`\u200b`\u200b`not a close\n```\nafter');
  });

  it('closes a fence left open', () => {
    expect(markdownToMrkdwn('~~~\ncode')).toBe('```\ncode\n```');
  });

  it('turns a pipe table into aligned monospace text', () => {
    const out = markdownToMrkdwn(
      '| Name | Role |\n| --- | --- |\n| Ana | Lead & owner |\n| Bo \\| Co | <@U1> |',
    );
    expect(out).toBe(
      [
        '```',
        'Name    | Role',
        '--------+-------------',
        'Ana     | Lead &amp; owner',
        'Bo | Co | &lt;@U1&gt;',
        '```',
      ].join('\n'),
    );
  });

  it('never lets page text mention, link or ping', () => {
    const evil = [
      '<!here> <!channel> <!everyone> <@U123|x> <#C1> <https://evil.example|ok>',
      '[<!here>](https://e.example) [x](https://e.example|<!here>)',
      '`<!here>` ```<!here>```',
      '| <!here> | x |',
      '# <!channel>',
      '> <@U1>',
    ].join('\n');
    const out = markdownToMrkdwn(evil);
    expect(rawAngles(out)).toEqual([]);
    expect(out).not.toMatch(/<[!@#]/);
  });
});

describe('clipMrkdwn', () => {
  it('leaves short text alone', () => {
    expect(clipMrkdwn('short', 10)).toBe('short');
  });

  it('never cuts inside an entity or a link, and ends with …', () => {
    const text = `${'x'.repeat(95)}&amp;<https://e.example|label> tail`;
    for (let max = 90; max < text.length; max += 1) {
      const clipped = clipMrkdwn(text, max);
      expect(clipped.length).toBeLessThanOrEqual(max);
      expect(clipped.endsWith('…')).toBe(true);
      expect(clipped).not.toMatch(/&[a-z]*…|<[^>]*…/);
    }
  });

  it('closes a code block it cuts', () => {
    const clipped = clipMrkdwn(`\`\`\`\n${'line\n'.repeat(100)}\`\`\``, 120);
    expect(clipped.length).toBeLessThanOrEqual(120);
    expect(clipped.endsWith('…\n```')).toBe(true);
    expect(fencesBalanced(clipped)).toBe(true);
  });
});

describe('splitMrkdwn', () => {
  it('splits at lines, reopening code blocks, within the size and count', () => {
    const text = [
      'intro',
      '```',
      ...Array.from({ length: 400 }, (_, i) => `code line ${i}`),
      '```',
      'outro',
    ].join('\n');
    const { chunks, truncated } = splitMrkdwn(text, 1000, 10);
    expect(truncated).toBe(false);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      expect(fencesBalanced(chunk)).toBe(true);
    }
    expect(chunks.join('\n').replaceAll('\n```\n```', '')).toContain('code line 399');
  });

  it('drops what does not fit and says so with …', () => {
    const { chunks, truncated } = splitMrkdwn('word '.repeat(10_000), 3000, 2);
    expect(truncated).toBe(true);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]!.endsWith('…')).toBe(true);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
  });

  it('cuts an over-long line without splitting an entity', () => {
    const { chunks } = splitMrkdwn('&amp;'.repeat(2000), 3000, 5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3000);
      expect(chunk.replace(/&amp;/g, '').replace(/\n/g, '')).toBe('');
    }
  });
});

describe('alignedTable', () => {
  it('caps rows and says how many were left out', () => {
    const rows = [['h'], ...Array.from({ length: 500 }, (_, i) => [`r${i}`])];
    const out = alignedTable(rows);
    expect(out).toContain('… 401 more rows');
    expect(fencesBalanced(out)).toBe(true);
  });
});

describe('adversarial 100 KB input (quadratic work would not finish)', () => {
  const size = 100_000;
  const cases: Record<string, string> = {
    brackets: '['.repeat(size),
    'open links': '[a]('.repeat(size / 4),
    'nested labels': `${'[a'.repeat(size / 2)}](https://e.example)`,
    'escaped brackets': '[\\]'.repeat(size / 3),
    backticks: '`'.repeat(size),
    'backtick runs': '`` `'.repeat(size / 4),
    'angle brackets': '<'.repeat(size),
    autolinks: '<https://e.example '.repeat(size / 19),
    stars: '*'.repeat(size),
    backslashes: '\\'.repeat(size),
    'heading spaces': `#${' '.repeat(size)}#`,
    'table row': `|${' |'.repeat(size / 2)}`,
    'table lines': '| a |\n'.repeat(size / 6),
    fences: '```\n'.repeat(size / 4),
    images: '![x]('.repeat(size / 5),
    'parens in url': `[a](https://e.example/${'('.repeat(size)}`,
  };

  it.each(Object.keys(cases))('%s', (name) => {
    const input = cases[name]!;
    const out = markdownToMrkdwn(input);
    expect(rawAngles(out)).toEqual([]);
    expect(fencesBalanced(out)).toBe(true);
    const { chunks } = splitMrkdwn(out, 3000, 4);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3000);
      expect(fencesBalanced(chunk)).toBe(true);
    }
  });
});
