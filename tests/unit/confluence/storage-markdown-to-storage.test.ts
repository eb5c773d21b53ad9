import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { markdownToStorage } from '../../../bot/confluence/markdown-to-storage.js';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';

interface ParsedXml {
  readonly errors: string[];
  readonly elements: { name: string; attributes: Record<string, string> }[];
  readonly text: string;
}

/** Strict XML 1.0 parse of a storage fragment (wrapped in one root, no named entities declared). */
function parseXml(fragment: string): ParsedXml {
  const parser = new SaxesParser();
  const errors: string[] = [];
  const elements: ParsedXml['elements'] = [];
  let text = '';
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    elements.push({ name: tag.name, attributes });
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.write(`<root>${fragment}</root>`).close();
  return { errors, elements: elements.slice(1), text };
}

const HTML_ELEMENTS = new Set(
  'p h1 h2 h3 h4 h5 h6 strong em code pre ul ol li table thead tbody tr th td a blockquote br hr span'.split(
    ' ',
  ),
);
const MACRO_ELEMENTS = new Set([
  'ac:structured-macro',
  'ac:parameter',
  'ac:plain-text-body',
  'ac:rich-text-body',
  'ac:task-list',
  'ac:task',
  'ac:task-id',
  'ac:task-status',
  'ac:task-body',
]);
const MACRO_NAMES = new Set(['code', 'info', 'tip', 'note', 'warning']);

/** Every element and attribute in the output must be one the converter is allowed to emit. */
function disallowedConstructs(fragment: string): string[] {
  const problems: string[] = [];
  for (const { name, attributes } of parseXml(fragment).elements) {
    const attributeNames = Object.keys(attributes);
    if (HTML_ELEMENTS.has(name)) {
      if (name === 'a') {
        if (attributeNames.some((a) => a !== 'href')) problems.push(`a with ${attributeNames.join(',')}`);
        if (attributes.href !== undefined && !/^(https?:|mailto:)/i.test(attributes.href)) {
          problems.push(`href ${attributes.href}`);
        }
      } else if (name === 'span') {
        if (attributes.style !== 'text-decoration: line-through;' || attributeNames.length !== 1) {
          problems.push(`span ${JSON.stringify(attributes)}`);
        }
      } else if (attributeNames.length > 0) problems.push(`${name} with ${attributeNames.join(',')}`);
    } else if (MACRO_ELEMENTS.has(name)) {
      if (name === 'ac:structured-macro' && !MACRO_NAMES.has(attributes['ac:name'] ?? '')) {
        problems.push(`macro ${attributes['ac:name']}`);
      }
      if (name === 'ac:parameter' && attributes['ac:name'] !== 'language') problems.push('parameter');
    } else problems.push(name);
  }
  return problems;
}

function expectSafe(storage: string): void {
  expect(parseXml(storage).errors).toEqual([]);
  expect(disallowedConstructs(storage)).toEqual([]);
}

describe('markdownToStorage — basic blocks', () => {
  it('converts the supported subset to well-formed XHTML', () => {
    const storage = markdownToStorage(
      '# Title\n\nSome **bold**, _it_, ~~gone~~ and `x < y`.  \nNext line\n\n---\n\n> quoted\n\n| a | b |\n| --- | --- |\n| 1 | 2 |',
    );
    expectSafe(storage);
    expect(storage).toContain('<h1>Title</h1>');
    expect(storage).toContain('<strong>bold</strong>');
    expect(storage).toContain('<em>it</em>');
    expect(storage).toContain('<span style="text-decoration: line-through;">gone</span>');
    expect(storage).toContain('<code>x &lt; y</code>');
    expect(storage).toContain('<br/>');
    expect(storage).toContain('<hr/>');
    expect(storage).toContain('<th>a</th>');
    expect(storage).not.toMatch(/<br>|<hr>|<br \/>/);
  });

  it('turns fenced code into the code macro with a CDATA body', () => {
    const storage = markdownToStorage('```python\nprint("a < b && c")\n```');
    expect(storage).toBe(
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">python</ac:parameter><ac:plain-text-body><![CDATA[print("a < b && c")]]></ac:plain-text-body></ac:structured-macro>',
    );
  });

  it('splits a CDATA terminator inside code so the body survives exactly', () => {
    const code = 'a]]>b ]]]]> <![CDATA[ c';
    const storage = markdownToStorage(`\`\`\`\n${code}\n\`\`\``);
    expectSafe(storage);
    expect(parseXml(storage).text).toBe(code);
    expect(storage).not.toContain('ac:parameter');
  });

  it('keeps only a safe language name', () => {
    const storage = markdownToStorage('```js"><script>alert(1)</script>\nx\n```');
    expectSafe(storage);
    expect(storage).toContain('<ac:parameter ac:name="language">js</ac:parameter>');
  });

  it('maps GitHub alerts to allowlisted panels', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['NOTE', 'info'],
      ['TIP', 'tip'],
      ['IMPORTANT', 'info'],
      ['WARNING', 'note'],
      ['CAUTION', 'warning'],
    ];
    for (const [kind, panel] of cases) {
      const storage = markdownToStorage(`> [!${kind}]\n> Mind the **gap**.`);
      expectSafe(storage);
      expect(storage).toContain(
        `<ac:structured-macro ac:name="${panel}" ac:schema-version="1"><ac:rich-text-body>`,
      );
      expect(storage).toContain('<p>Mind the <strong>gap</strong>.</p>');
    }
  });

  it('builds a Confluence task list only when every item is a task', () => {
    const tasks = markdownToStorage('- [ ] write\n- [x] review');
    expectSafe(tasks);
    expect(tasks).toBe(
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>write</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>review</ac:task-body></ac:task></ac:task-list>',
    );
    const mixed = markdownToStorage('- [ ] write\n- plain');
    expectSafe(mixed);
    expect(mixed).toContain('<li>[ ] write</li>');
    expect(mixed).not.toContain('ac:task');
  });

  it('renders images as links, never as image macros', () => {
    const storage = markdownToStorage(
      '![diagram](https://example.com/d.png) ![x](data:image/png;base64,AAA)',
    );
    expectSafe(storage);
    expect(storage).toBe('<p><a href="https://example.com/d.png">diagram</a> x</p>');
  });

  it('returns an empty string for empty input', () => {
    expect(markdownToStorage('')).toBe('');
    expect(markdownToStorage('   \n\n')).toBe('');
  });
});

describe('markdownToStorage — injection table', () => {
  const attacks: ReadonlyArray<readonly [string, string, string]> = [
    ['script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['inline script', 'hi <script>alert(1)</script> there', '&lt;script&gt;'],
    ['img onerror', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['iframe', '<iframe src="https://evil.example"></iframe>', '&lt;iframe'],
    ['style tag', '<style>body{display:none}</style>', '&lt;style&gt;'],
    [
      'html macro',
      '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>x</script>]]></ac:plain-text-body></ac:structured-macro>',
      '&lt;ac:structured-macro ac:name="html"&gt;',
    ],
    ['user mention', '<ac:link><ri:user ri:account-id="123"/></ac:link>', '&lt;ac:link&gt;'],
    [
      'ri:url image',
      'x <ac:image><ri:url ri:value="https://track.example/p.gif"/></ac:image>',
      '&lt;ac:image&gt;',
    ],
    [
      'adf extension',
      '<ac:adf-extension><ac:adf-node type="extension"/></ac:adf-extension>',
      '&lt;ac:adf-extension&gt;',
    ],
    ['CDATA opener', '<![CDATA[ <script>x</script> ]]>', '&lt;![CDATA['],
    ['CDATA terminator in text', 'end ]]> here', ']]&gt;'],
    ['javascript link', '[click](javascript:alert(1))', '<p>click</p>'],
    ['encoded javascript link', '[click](jav&#x61;script:alert(1))', '<p>click</p>'],
    ['data link', '[click](data:text/html;base64,PHNjcmlwdD4=)', '<p>click</p>'],
    ['vbscript link', '[click](vbscript:msgbox)', '<p>click</p>'],
    ['relative link', '[click](/wiki/spaces/X)', '<p>click</p>'],
    ['protocol-relative link', '[click](//evil.example)', '<p>click</p>'],
    [
      'raw anchor with javascript',
      '<a href="javascript:alert(1)">x</a>',
      '&lt;a href="javascript:alert(1)"&gt;',
    ],
    ['autolink with custom scheme', '<ac:plain-text-body>', '&lt;ac:plain-text-body&gt;'],
    ['named entity', 'Caf&eacute; &nbsp; &copy; &amp;', 'Café \u00a0 © &amp;'],
    ['numeric control entity', 'a&#1;b&#0;c', '<p>ab\ufffdc</p>'],
    [
      'attribute breakout in link',
      '[x](https://a.example/"onmouseover="alert(1))',
      'href="https://a.example/%22onmouseover=%22alert(1)"',
    ],
    ['html comment', '<!-- <script>x</script> -->', '&lt;!-- &lt;script&gt;'],
    ['processing instruction', '<?xml version="1.0"?>', '&lt;?xml'],
  ];

  it.each(attacks)('%s', (_name, markdown, expected) => {
    const storage = markdownToStorage(markdown);
    expectSafe(storage);
    expect(storage).toContain(expected);
    expect(storage.replace(/<!\[CDATA\[[\s\S]*?]]>/g, '')).not.toMatch(
      /<(script|iframe|img|style|ri:|ac:link|ac:image|ac:adf)/i,
    );
  });

  it('removes characters XML forbids', () => {
    const storage = markdownToStorage('a\u0000b\u0007c\u001fd\ud800e\uffff f');
    expectSafe(storage);
    expect(storage).toBe('<p>abcde f</p>');
  });
});

describe('markdownToStorage — properties', () => {
  const tricky = fc.constantFrom(
    '<script>',
    '</script>',
    '<ac:structured-macro ac:name="html">',
    '</ac:structured-macro>',
    '<ri:user ri:account-id="x"/>',
    ']]>',
    '<![CDATA[',
    '&nbsp;',
    '&#0;',
    '&#xD800;',
    '&bogus;',
    '```',
    '```js\n',
    '\n',
    '\n\n',
    '> [!NOTE]\n',
    '- [ ] ',
    '1. ',
    '[x](javascript:alert(1))',
    '<https://ok.example>',
    '|a|b|\n|-|-|\n',
    '**',
    '_',
    '`',
    '<',
    '>',
    '&',
    '"',
    "'",
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:x">',
    '    indented code\n',
  );
  const markdownish = fc
    .array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 25 })
    .map((parts) => parts.join(''));

  it('always yields well-formed XML with only allowlisted elements', () => {
    fc.assert(
      fc.property(markdownish, (markdown) => {
        const storage = markdownToStorage(markdown);
        expect(parseXml(storage).errors).toEqual([]);
        expect(disallowedConstructs(storage)).toEqual([]);
        expect(storage.replace(/<!\[CDATA\[[\s\S]*?]]>/g, '')).not.toMatch(/<(script|ri:)/i);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any code block body exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const code = raw.replace(/`/g, "'").replace(/\r/g, '');
        if (code.trim() === '') return;
        const storage = markdownToStorage(`\`\`\`\n${code}\n\`\`\``);
        expect(parseXml(storage).errors).toEqual([]);
        const body = parseXml(storage).text;
        expect(body).toBe(code);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Markdown → storage → Markdown round trip', () => {
  const canonical = [
    '# Runbook\n\n## Steps\n\nRun **this** and _that_, then ~~skip~~ `check`.',
    '- one\n- two\n  - nested\n- three',
    '1. first\n2. second',
    '| Role | Who |\n| --- | --- |\n| Primary | Dana |\n| Backup | Lee |',
    '```bash\nkubectl get pods && echo "<ok>"\n```',
    '> A quote\n> \n> Second paragraph',
    '- [ ] write docs\n- [x] ship',
    'See [the docs](https://example.com/docs?a=1&b=2) or mail [us](mailto:team@example.com).',
    'Line one  \nline two',
    'Before\n\n---\n\nAfter',
    'Prices: 5 < 6 & 7 > 3',
  ];

  it.each(canonical)('is exact for %j', (markdown) => {
    expect(storageToMarkdown(markdownToStorage(markdown))).toBe(markdown);
  });

  it('is stable after one pass for generated documents', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'x1', 'ops', 'deploy', 'CPU', '42');
    const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    const inline = fc.oneof(
      words,
      words.map((w) => `**${w}**`),
      words.map((w) => `_${w}_`),
      words.map((w) => `~~${w}~~`),
      words.map((w) => `\`${w}\``),
      words.map((w) => `[${w}](https://example.com/${w.replace(/ /g, '-')})`),
    );
    const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
    const block = fc.oneof(
      line,
      fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([level, w]) => `${'#'.repeat(level)} ${w}`),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
      fc
        .array(line, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
      fc
        .array(line, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((i) => `- [ ] ${i}`).join('\n')),
      line.map((l) => `> ${l}`),
      line.map((l) => `> [!TIP]\n> ${l}`),
      words.map((w) => `\`\`\`sh\n${w}\n\`\`\``),
      fc.tuple(words, words).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`),
    );
    const documentArb = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));
    fc.assert(
      fc.property(documentArb, (markdown) => {
        const once = storageToMarkdown(markdownToStorage(markdown));
        const twice = storageToMarkdown(markdownToStorage(once));
        expect(twice).toBe(once);
      }),
      { numRuns: 60 },
    );
  });
});
