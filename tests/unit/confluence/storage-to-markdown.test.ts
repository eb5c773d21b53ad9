import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';
import { MAX_STORAGE_CHARS } from '../../../bot/confluence/storage-tree.js';
import { type AppError, isAppError } from '../../../bot/errors.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8');

describe('storageToMarkdown — realistic runbook', () => {
  const storage = fixture('runbook.xml');

  it('matches the reviewed golden Markdown', () => {
    expect(storageToMarkdown(storage, { baseUrl: 'https://acme.atlassian.net' })).toBe(
      fixture('runbook.md').trimEnd(),
    );
  });

  it('renders every Confluence construct visibly', () => {
    const markdown = storageToMarkdown(storage);
    const expectedLines = [
      '# Payments API runbook',
      'Owner: @user & @Dana Ops. Status: [IN PRODUCTION]',
      '_(table of contents)_',
      '> **Info:** Pager rotation changes every **Monday**.',
      '[image: Architecture diagram]',
      '[attachment: escalation.pdf]',
      '```bash',
      'kubectl get pods -n prod | grep payments && echo "ok <done>"',
      '> **Warning — Careful:** Never restart during the _settlement window_ (01:00–02:00 UTC).',
      '| Role | Who |',
      '| --- | --- |',
      '| Escalation | Payments \\| Platform lead |',
      '- [x] Confirm the alert is real',
      '- [ ] Post in **#payments-incidents**',
      '[macro: jira PAY-123]',
      '**History**',
      'Created after incident ⚠️ INC-42.',
      '[macro: Roadmap planner]',
      '[image: external image](https://cdn.example.com/badge.png)',
      '   - Wait for connections < 10',
    ];
    const lines = markdown.split('\n');
    for (const line of expectedLines) expect(lines).toContain(line);
  });

  it('links pages to the display URL only when a base URL is known', () => {
    expect(storageToMarkdown(storage)).toContain('See **the architecture page** and');
    expect(storageToMarkdown(storage, { baseUrl: 'https://acme.atlassian.net/wiki/' })).toContain(
      '[the architecture page](https://acme.atlassian.net/wiki/display/ENG/Payments+Architecture)',
    );
  });
});

describe('storageToMarkdown — elements', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['headings', '<h3>Deploy &amp; roll back</h3>', '### Deploy & roll back'],
    [
      'inline formatting',
      '<p><strong>b</strong> <em>i</em> <del>d</del> <code>c</code> <u>u</u></p>',
      '**b** _i_ ~~d~~ `c` u',
    ],
    [
      'entities decoded',
      '<p>a&nbsp;b &lt;tag&gt; &quot;q&quot; &copy; &#8364; &#x1F600;</p>',
      // `<` before a letter is escaped: it could open an autolink (`<javascript:…>`) or raw HTML.
      'a\u00a0b \\<tag> "q" © € 😀',
    ],
    ['line break', '<p>one<br/>two</p>', 'one  \ntwo'],
    [
      'external link',
      '<p><a href="https://example.com/x?a=1&amp;b=2">site</a></p>',
      '[site](https://example.com/x?a=1&b=2)',
    ],
    ['javascript link loses its target', '<p><a href="javascript:alert(1)">click</a></p>', 'click'],
    ['page link without body', '<p><ac:link><ri:page ri:content-title="Home"/></ac:link></p>', '**Home**'],
    ['space link', '<p><ac:link><ri:space ri:space-key="ENG"/></ac:link></p>', '**ENG**'],
    ['mention with username', '<p><ac:link><ri:user ri:username="jdoe"/></ac:link></p>', '@jdoe'],
    [
      'attachment link with body',
      '<p><ac:link><ri:attachment ri:filename="a.pdf"/><ac:plain-text-link-body><![CDATA[the spec]]></ac:plain-text-link-body></ac:link></p>',
      'the spec [attachment: a.pdf]',
    ],
    ['anchor link', '<p><ac:link ac:anchor="setup"/></p>', '#setup'],
    [
      'code macro without language keeps CDATA verbatim',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a && b <c>]]></ac:plain-text-body></ac:structured-macro>',
      '```\na && b <c>\n```',
    ],
    [
      'noformat macro',
      '<ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[raw *text*]]></ac:plain-text-body></ac:structured-macro>',
      '```\nraw *text*\n```',
    ],
    [
      'code containing a fence gets a longer fence',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[```\nx\n```]]></ac:plain-text-body></ac:structured-macro>',
      '````\n```\nx\n```\n````',
    ],
    [
      'note panel with several paragraphs',
      '<ac:structured-macro ac:name="note"><ac:rich-text-body><p>First.</p><p>Second.</p></ac:rich-text-body></ac:structured-macro>',
      '> **Note:** First.\n> \n> Second.',
    ],
    [
      'tip panel starting with a list',
      '<ac:structured-macro ac:name="tip"><ac:rich-text-body><ul><li>x</li></ul></ac:rich-text-body></ac:structured-macro>',
      '> **Tip:**\n> \n> - x',
    ],
    ['status without title', '<p><ac:structured-macro ac:name="status"/></p>', '[STATUS]'],
    [
      'anchor macro is invisible',
      '<p>a<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">x</ac:parameter></ac:structured-macro>b</p>',
      'ab',
    ],
    [
      'unknown macro keeps a placeholder and its rich body',
      '<ac:structured-macro ac:name="children"/><ac:structured-macro ac:name="column"><ac:rich-text-body><p>in column</p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="mystery-box"><ac:rich-text-body><p>inside</p></ac:rich-text-body></ac:structured-macro>',
      '[macro: children]\n\nin column\n\n[macro: mystery-box]\n\ninside',
    ],
    ['legacy ac:macro', '<ac:macro ac:name="gallery"/>', '[macro: gallery]'],
    [
      'inline unknown macro stays in its sentence',
      '<p>See <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter></ac:structured-macro> now</p>',
      'See [macro: jira X-1] now',
    ],
    [
      'adjacent block macros stay apart',
      '<p>a</p><ac:structured-macro ac:name="children"/><ac:structured-macro ac:name="pagetree"/><p>b</p>',
      'a\n\n[macro: children]\n\n[macro: pagetree]\n\nb',
    ],
    [
      'html macro is a placeholder, its script never shown',
      '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro>',
      '[macro: html]',
    ],
    [
      'emoticon with fallback',
      '<p>ok <ac:emoticon ac:name="blue-star" ac:emoji-fallback="🔵"/></p>',
      'ok 🔵',
    ],
    ['unknown emoticon', '<p><ac:emoticon ac:name="custom"/></p>', ':custom:'],
    ['time', '<p>Due <time datetime="2025-03-01"/></p>', 'Due 2025-03-01'],
    [
      'attachment image with caption',
      '<ac:image><ri:attachment ri:filename="shot.png"/><ac:caption><p>Figure 1</p></ac:caption></ac:image>',
      '[image: shot.png] Figure 1',
    ],
    [
      'non-http image url is not linked',
      '<ac:image><ri:url ri:value="javascript:x"/></ac:image>',
      '[image: image]',
    ],
    [
      'nested task lists',
      '<ac:task-list><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>a</ac:task-body></ac:task><ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>b</ac:task-body></ac:task></ac:task-list></ac:task-list>',
      '- [ ] a\n  - [x] b',
    ],
    ['ordered list with start', '<ol start="3"><li>c</li><li>d</li></ol>', '3. c\n4. d'],
    [
      'table with uneven rows is padded',
      '<table><tbody><tr><th>a</th><th>b</th><th>c</th></tr><tr><td>1</td></tr></tbody></table>',
      '| a | b | c |\n| --- | --- | --- |\n| 1 | | |',
    ],
    ['script and style are not shown', '<p>x</p><script>alert(1)</script><style>p{}</style>', 'x'],
    [
      'inline comment markers keep their text',
      '<p><ac:inline-comment-marker ac:ref="abc">marked</ac:inline-comment-marker> text</p>',
      'marked text',
    ],
    [
      'layout is flattened',
      '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>L</p></ac:layout-cell><ac:layout-cell><p>R</p></ac:layout-cell></ac:layout-section></ac:layout>',
      'L\n\nR',
    ],
    [
      'markdown characters in text are escaped',
      '<p>*not bold* [x] _y_</p>',
      '\\*not bold\\* \\[x\\] \\_y\\_',
    ],
  ];

  it.each(cases)('%s', (_name, storage, expected) => {
    expect(storageToMarkdown(storage)).toBe(expected);
  });

  it('never drops an ADF extension', () => {
    expect(storageToMarkdown('<ac:adf-extension><ac:adf-node type="extension"/></ac:adf-extension>')).toBe(
      '[macro: app extension]',
    );
  });
});

describe('storageToMarkdown — robustness', () => {
  const malformed = [
    '',
    '<p>unclosed <strong>bold',
    '</p></p></div>',
    '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[never closed',
    '<ac:link><ri:page',
    '<<<>>>&&&;;;',
    '<p a="1" a="2">dup</p>',
    '<![CDATA[]]>',
    '<?xml version="1.0"?><!DOCTYPE x><p>doc</p>',
  ];

  it.each(malformed)('does not throw on %j', (input) => {
    expect(typeof storageToMarkdown(input)).toBe('string');
  });

  it('renders 12,000 nested divs without recursion', () => {
    const deep = `${'<div>'.repeat(12000)}deep &amp; <b>down</b>${'</div>'.repeat(12000)}`;
    expect(storageToMarkdown(deep)).toBe('deep & **down**');
  });

  it('keeps best-effort text from malformed input', () => {
    expect(storageToMarkdown('<p>unclosed <strong>bold')).toBe('unclosed **bold**');
    expect(storageToMarkdown('<ac:structured-macro ac:name="jira">')).toBe('[macro: jira]');
  });

  it('never throws for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        expect(typeof storageToMarkdown(input)).toBe('string');
      }),
      { numRuns: 200 },
    );
  });

  it('ignores a base URL that is not http(s)', () => {
    const storage = '<p><ac:link><ri:page ri:content-title="Home" ri:space-key="ENG"/></ac:link></p>';
    expect(storageToMarkdown(storage, { baseUrl: 'javascript:alert(1)' })).toBe('**Home**');
    expect(storageToMarkdown(storage, { baseUrl: 'not a url' })).toBe('**Home**');
  });
});

describe('storageToMarkdown — large pages (linear work, outputs checked)', () => {
  function table(rows: number, cols: number, shortRowEvery = 0): string {
    const parts = ['<table><tbody><tr>'];
    for (let c = 0; c < cols; c++) parts.push(`<th>H${c}</th>`);
    parts.push('</tr>');
    for (let r = 0; r < rows; r++) {
      const width = shortRowEvery > 0 && r % shortRowEvery === 0 ? 1 : cols;
      parts.push('<tr>');
      for (let c = 0; c < width; c++) parts.push(`<td>r${r}c${c}</td>`);
      parts.push('</tr>');
    }
    parts.push('</tbody></table>');
    return parts.join('');
  }

  it('renders a 1,500 × 8 table with one header separator and every row', () => {
    const lines = storageToMarkdown(table(1500, 8)).split('\n');
    expect(lines).toHaveLength(1502);
    expect(lines[0]).toBe('| H0 | H1 | H2 | H3 | H4 | H5 | H6 | H7 |');
    expect(lines[1]).toBe(`|${' --- |'.repeat(8)}`);
    expect(lines.filter((line) => line.includes('---'))).toHaveLength(1);
    expect(lines[1501]).toBe(
      '| r1499c0 | r1499c1 | r1499c2 | r1499c3 | r1499c4 | r1499c5 | r1499c6 | r1499c7 |',
    );
  });

  it('pads the short rows of a 2,000 × 10 table to the widest row', () => {
    const lines = storageToMarkdown(table(2000, 10, 7)).split('\n');
    expect(lines).toHaveLength(2002);
    expect(lines[2]).toBe(`| r0c0 |${' |'.repeat(9)}`);
    expect(lines[3]?.split(' | ')).toHaveLength(10);
    expect(lines.every((line) => line.split('|').length === 12)).toBe(true);
  });

  it('numbers a 3,000-item ordered list and a second list from its own start', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `<li>item ${i}</li>`).join('');
    const markdown = storageToMarkdown(`<ol>${items}</ol><ol start="7"><li>x</li><li>y</li></ol>`);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('1. item 0');
    expect(lines[2999]).toBe('3000. item 2999');
    expect(markdown.endsWith('7. x\n8. y')).toBe(true);
  });

  it('indents deeply nested lists level by level', () => {
    const depth = 40;
    let html = '<li>leaf</li>';
    for (let level = depth - 1; level >= 0; level--) {
      html =
        level % 2 === 0
          ? `<li>level ${level}<ul>${html}</ul></li>`
          : `<li>level ${level}<ol>${html}</ol></li>`;
    }
    const lines = storageToMarkdown(`<ul>${html}</ul>`).split('\n');
    expect(lines).toHaveLength(depth + 1);
    expect(lines[0]).toBe('- level 0');
    expect(lines[1]).toBe('  - level 1');
    expect(lines[2]).toBe('    1. level 2');
    expect(lines.at(-1)?.trimStart()).toBe('1. leaf');
  });

  it('refuses a page over the size limit with a link to open it in Confluence', () => {
    const huge = `<p>${'x'.repeat(MAX_STORAGE_CHARS)}</p>`;
    let caught: unknown;
    try {
      storageToMarkdown(huge, { pageUrl: 'https://acme.atlassian.net/wiki/x/1' });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'PAGE_TOO_LARGE')).toBe(true);
    expect((caught as AppError).userMessage).toContain('too large to preview here');
    expect((caught as AppError).userMessage).toContain(
      'open it in Confluence: https://acme.atlassian.net/wiki/x/1',
    );
    expect(storageToMarkdown(`<p>${'x'.repeat(MAX_STORAGE_CHARS - 7)}</p>`)).toHaveLength(
      MAX_STORAGE_CHARS - 7,
    );
  });
});
