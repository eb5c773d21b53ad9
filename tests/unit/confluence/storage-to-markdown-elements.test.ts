import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8');
const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;
const param = (name: string, value: string) => `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;
const rich = (inner: string) => `<ac:rich-text-body>${inner}</ac:rich-text-body>`;
const BASE = { baseUrl: 'https://acme.atlassian.net' };

describe('storageToMarkdown — every element kind', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    [
      'h1–h6',
      '<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>',
      '# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f',
    ],
    ['paragraphs', '<p>one</p>\n  <p>two  words</p>', 'one\n\ntwo words'],
    ['b / i / tt aliases', '<p><b>b</b> <i>i</i> <tt>t</tt></p>', '**b** _i_ `t`'],
    [
      'strike aliases',
      '<p><s>s</s> <strike>t</strike> <span style="text-decoration: line-through;">u</span></p>',
      '~~s~~ ~~t~~ ~~u~~',
    ],
    ['sub / sup / u keep their text', '<p>H<sub>2</sub>O x<sup>2</sup> <u>under</u></p>', 'H2O x2 under'],
    ['edge spaces stay outside markup', '<p>a<strong> b </strong>c</p>', 'a **b** c'],
    ['empty markup disappears', '<p>a<strong> </strong>b<em></em></p>', 'a b'],
    ['inline code with a backtick', '<p><code>a`b</code></p>', '``a`b``'],
    [
      'link with parentheses in the URL',
      '<p><a href="https://x.org/a_(b)">w</a></p>',
      '[w](https://x.org/a_\\(b\\))',
    ],
    [
      'relative link made absolute',
      '<p><a href="/wiki/x">w</a></p>',
      '[w](https://acme.atlassian.net/wiki/x)',
    ],
    [
      'page link with a base URL',
      '<p><ac:link><ri:page ri:space-key="ENG" ri:content-title="A B"/></ac:link></p>',
      '[A B](https://acme.atlassian.net/wiki/display/ENG/A+B)',
    ],
    [
      'space link with a base URL',
      '<p><ac:link><ri:space ri:space-key="ENG"/></ac:link></p>',
      '[ENG](https://acme.atlassian.net/wiki/spaces/ENG)',
    ],
    [
      'attachment link',
      '<p><ac:link><ri:attachment ri:filename="a_b.pdf"/></ac:link></p>',
      '[attachment: a\\_b.pdf]',
    ],
    [
      'user link with rich body',
      '<p><ac:link><ri:user ri:account-id="1"/><ac:link-body>Dana</ac:link-body></ac:link></p>',
      '@Dana',
    ],
    [
      'url link',
      '<p><ac:link><ri:url ri:value="https://x.org"/></ac:link></p>',
      '[https://x.org](https://x.org)',
    ],
    [
      'external image with caption',
      '<ac:image ac:alt="chart"><ri:url ri:value="https://x.org/c.png"/><ac:caption>Q1</ac:caption></ac:image>',
      '[image: chart](https://x.org/c.png) Q1',
    ],
    ['html image without safe src', '<p><img src="data:x" alt="logo"/></p>', '[image: logo]'],
    [
      'nested bullet and ordered lists',
      '<ul><li>a<ol><li>b</li><li>c<ul><li>d</li></ul></li></ol></li><li>e</li></ul>',
      '- a\n  1. b\n  2. c\n     - d\n- e',
    ],
    ['list item with two paragraphs', '<ol><li><p>a</p><p>b</p></li></ol>', '1. a\n   \n   b'],
    [
      'task list',
      '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>open</ac:task-body></ac:task></ac:task-list>',
      '- [x] done\n- [ ] open',
    ],
    [
      'table with thead, line breaks and pipes in cells',
      '<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody><tr><td>a<br/>b</td><td>x | y</td></tr></tbody></table>',
      '| k | v |\n| --- | --- |\n| a b | x \\| y |',
    ],
    [
      'table inside a quote keeps the prefix',
      '<blockquote><table><tr><td>1</td></tr></table></blockquote>',
      '> | 1 |\n> | --- |',
    ],
    ['pre block', '<pre>a  b\n  c</pre>', '```\na  b\n  c\n```'],
    [
      'code macro with language and title',
      macro(
        'code',
        `${param('language', 'py')}${param('title', 'Run it')}<ac:plain-text-body><![CDATA[print(1)\r\n]]></ac:plain-text-body>`,
      ),
      '_Run it_\n\n```py\nprint(1)\n```',
    ],
    [
      'code block in a list item is indented',
      `<ul><li>x${macro('code', '<ac:plain-text-body><![CDATA[a\n\nb]]></ac:plain-text-body>')}</li></ul>`,
      '- x\n  \n  ```\n  a\n  \n  b\n  ```',
    ],
    ['info panel', macro('info', rich('<p>i</p>')), '> **Info:** i'],
    [
      'warning panel with title',
      macro('warning', param('title', 'Heads up') + rich('<p>w</p>')),
      '> **Warning — Heads up:** w',
    ],
    ['generic panel with title', macro('panel', param('title', 'T') + rich('<p>p</p>')), '> **T** p'],
    ['expand', macro('expand', param('title', 'More') + rich('<p>hidden</p>')), '**More**\n\nhidden'],
    ['status', `<p>${macro('status', param('title', 'in [review]'))}</p>`, '[IN (REVIEW)]'],
    ['toc', macro('toc'), '_(table of contents)_'],
    [
      'layout with two cells',
      '<ac:layout><ac:layout-section><ac:layout-cell><h2>L</h2></ac:layout-cell><ac:layout-cell><p>R</p></ac:layout-cell></ac:layout-section></ac:layout>',
      '## L\n\nR',
    ],
    [
      'nested blockquotes',
      '<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>',
      '> a\n> \n> > b',
    ],
    ['hr', '<p>a</p><hr/><p>b</p>', 'a\n\n---\n\nb'],
    ['br in a list item', '<ul><li>a<br/>b</li></ul>', '- a  \n  b'],
    [
      'emoticons',
      '<p><ac:emoticon ac:name="tick"/> <ac:emoticon ac:name="x" ac:emoji-fallback=":x:"/></p>',
      '✅ :x:',
    ],
    ['entities', '<p>&amp;lt; &gt; &#64; &hellip;</p>', '&lt; > @ …'],
  ];

  it.each(cases)('%s', (_name, storage, expected) => {
    expect(storageToMarkdown(storage, BASE)).toBe(expected);
  });
});

describe('storageToMarkdown — page text cannot inject Markdown', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['link syntax', '<p>[click](javascript:alert(1))</p>', '\\[click\\](javascript:alert(1))'],
    [
      'link syntax after a placeholder',
      '<p><ac:image><ri:attachment ri:filename="x.png"/></ac:image>(javascript:alert(1))</p>',
      '[image: x.png]\\(javascript:alert(1))',
    ],
    [
      'reference definition after a placeholder',
      `<p>${macro('status', param('title', 'x'))}: javascript:alert(1)</p>`,
      '[X]\\: javascript:alert(1)',
    ],
    [
      'reference definition glued to a placeholder',
      `<p>${macro('status', param('title', 'x'))}:javascript:alert(1)</p>`,
      '[X]\\:javascript:alert(1)',
    ],
    ['autolink', '<p>&lt;javascript:alert(1)&gt;</p>', '\\<javascript:alert(1)>'],
    ['raw HTML', '<p>&lt;img src=x onerror=alert(1)&gt;</p>', '\\<img src=x onerror=alert(1)>'],
    [
      'emphasis, code and strike',
      '<p>*a* _b_ `c` ~~d~~ \\e</p>',
      '\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\\\e',
    ],
    [
      'list, quote and heading starts',
      '<p>- a</p><p>+ b</p><p>1. c</p><p>&gt; d</p><p># e</p><p>== f</p>',
      '\\- a\n\n\\+ b\n\n1\\. c\n\n\\> d\n\n\\# e\n\n\\== f',
    ],
    [
      'link text closing early',
      '<p><a href="https://x.org">a](javascript:x)</a></p>',
      '[a\\](javascript:x)](https://x.org)',
    ],
    [
      'link target breaking out',
      '<p><a href="https://x.org/a) [b](javascript:x">t</a></p>',
      '[t](<https://x.org/a\\) [b]\\(javascript:x>)',
    ],
    ['markup in placeholder names', `${macro('my_*macro*')}`, '[macro: my\\_macro]'],
    [
      'markup in file names',
      '<ac:image><ri:attachment ri:filename="*x*_y.png"/></ac:image>',
      '[image: \\*x\\*\\_y.png]',
    ],
  ];

  it.each(cases)('%s', (_name, storage, expected) => {
    expect(storageToMarkdown(storage)).toBe(expected);
  });
});

describe('storageToMarkdown — deep nesting (explicit stack, capped indentation)', () => {
  const nest = (open: string, close: string, depth: number, inner: string) =>
    `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

  it('shows 10,000 nested quotes as quotes up to the cap, then plain text', () => {
    const markdown = storageToMarkdown(nest('<blockquote>', '</blockquote>', 10_000, '<p>deep *x*</p>'));
    expect(markdown.startsWith('> > > ')).toBe(true);
    expect(markdown.endsWith('deep \\*x\\*')).toBe(true);
    expect(markdown.length).toBeLessThan(200);
  });

  it('shows 10,000 nested lists up to the cap, then plain text', () => {
    const markdown = storageToMarkdown(nest('<ul><li>', '</li></ul>', 10_000, 'leaf'));
    expect(markdown.split('\n')).toHaveLength(1);
    expect(markdown.endsWith('leaf')).toBe(true);
    expect(markdown.length).toBeLessThan(200);
  });

  it('caps 10,000 nested inline elements and tables', () => {
    expect(storageToMarkdown(nest('<strong><em>', '</em></strong>', 5_000, 'x'))).toMatch(/^[*_]+x[*_]+$/);
    const tables = storageToMarkdown(nest('<table><tr><td>', '</td></tr></table>', 10_000, 'cell'));
    expect(tables.startsWith('| ')).toBe(true);
    expect(tables).toContain('cell');
  });

  it('renders 10,000 nested macros and divs', () => {
    const deep = nest(
      `<ac:structured-macro ac:name="section"><ac:rich-text-body><div>`,
      '</div></ac:rich-text-body></ac:structured-macro>',
      10_000,
      '<p>end</p>',
    );
    expect(storageToMarkdown(deep)).toBe('end');
  });
});

describe('storageToMarkdown — fixtures unchanged from the turndown renderer', () => {
  it('release notes', () => {
    expect(storageToMarkdown(fixture('release-notes.xml'))).toBe(RELEASE_NOTES);
  });
});

/** The Markdown the previous (turndown-based) renderer produced for release-notes.xml. */
const RELEASE_NOTES =
  '# Release 4.2 notes\n\nReleased by @user on 2025-02-03. Owner: Ops Team & Friends.\n\n_(table of contents)_\n\n## Highlights\n\nFaster **search** and a new **_search settings_ page**.\n\n### Search\n\nSearch is 3× faster. Reviewed by QA.\n\n> **Note — Search:**\n> \n> ### Search\n> \n> Reindex after upgrading.\n\n## Known issues\n\n- Exports over 10 MB time out.\n- See [status](https://status.example.com/search).\n\n[macro: html]\n\n## Upgrade\n\n```bash\nhelm upgrade search ./chart --set search.replicas=3\n```\n\n[image: Search latency](https://grafana.example.com/render/search.png)';
