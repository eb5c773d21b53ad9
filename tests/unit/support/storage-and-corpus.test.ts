import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS } from '../../support/confluence-simulator/accounts.js';
import { DEFAULT_PAGES, DEFAULT_SPACES } from '../../support/confluence-simulator/corpus/index.js';
import {
  findStorageError,
  scanStorage,
  storageToPlainText,
} from '../../support/confluence-simulator/storage-xml.js';
import { SimulatorStore } from '../../support/confluence-simulator/store.js';
import {
  buildExcerpt,
  findHitRanges,
  parseTextQuery,
  tokenizeText,
} from '../../support/confluence-simulator/text-search.js';

describe('storage well-formedness', () => {
  it.each([
    ['paragraph', '<p>Hello</p>'],
    ['fragment with several roots', '<h1>A</h1><p>B</p>'],
    ['self-closing', '<p>a<br/>b</p><hr />'],
    ['ac and ri prefixes', '<ac:link><ri:page ri:content-title="X" ri:space-key="ENG"/></ac:link>'],
    ['HTML named entities', '<p>a&nbsp;b &mdash; c &rsquo; &euro;</p>'],
    ['numeric references', '<p>&#169; &#x1F600;</p>'],
    [
      'CDATA with markup inside',
      '<ac:plain-text-body><![CDATA[if (a < b && c) { x = "<p>"; }]]></ac:plain-text-body>',
    ],
    ['single-quoted attribute', "<a href='https://example.com/?a=1&amp;b=2'>x</a>"],
    ['comment', '<!-- note --><p>x</p>'],
    ['empty', ''],
  ])('accepts %s', (_name, source) => {
    expect(findStorageError(source)).toBeUndefined();
  });

  it.each([
    ['unclosed element', '<p>x'],
    ['stray end tag', 'x</p>'],
    ['crossed tags', '<b><i>x</b></i>'],
    ['bare <br>', '<p>a<br>b</p>'],
    ['bare ampersand', '<p>Q&A</p>'],
    ['entity without semicolon', '<p>&amp b</p>'],
    ['unknown entity', '<p>&notanentity;</p>'],
    ['unquoted attribute', '<a href=x>y</a>'],
    ['duplicate attribute', '<p class="a" class="b">x</p>'],
    ['lt inside an attribute', '<p title="a<b">x</p>'],
    ['undeclared prefix', '<x:y/>'],
    ['unterminated CDATA', '<![CDATA[abc'],
    ['unterminated comment', '<!-- abc'],
  ])('rejects %s', (_name, source) => {
    expect(findStorageError(source)).toMatch(/^Error parsing xhtml: /);
  });

  it('decodes entities in text and attributes', () => {
    const events = scanStorage('<a title="R&amp;D">A&lt;B&nbsp;C</a>');
    expect(events[0]).toEqual({ kind: 'open', name: 'a', attributes: { title: 'R&D' }, selfClosing: false });
    expect(events[1]).toEqual({ kind: 'text', text: 'A<B\u00a0C' });
  });

  it('extracts searchable text without macro parameters', () => {
    const text = storageToPlainText(
      '<h2>Steps</h2><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[make dev]]></ac:plain-text-body></ac:structured-macro><p>Done</p>',
    );
    expect(text).toBe('Steps\nmake dev\nDone');
  });
});

describe('excerpt builder', () => {
  it('escapes text, keeps markers and cuts long text with ellipses', () => {
    const text = `${'lorem '.repeat(40)}the <vpn> & proxy ${'ipsum '.repeat(60)}`;
    const query = parseTextQuery('vpn proxy');
    const excerpt = buildExcerpt(text, findHitRanges(tokenizeText(text), query), {
      highlight: true,
      escape: true,
    });
    expect(excerpt).toContain('&lt;@@@hl@@@vpn@@@endhl@@@&gt; &amp; @@@hl@@@proxy@@@endhl@@@');
    expect(excerpt.startsWith('...')).toBe(true);
    expect(excerpt.endsWith('...')).toBe(true);
    expect(excerpt.length).toBeLessThan(400);
  });
});

describe('seed corpus', () => {
  const store = new SimulatorStore(DEFAULT_SPACES, DEFAULT_PAGES);
  const pages = store.allPages();

  it('has at least 5 spaces and 45 pages besides homepages, all well-formed', () => {
    expect(DEFAULT_SPACES.length).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_PAGES.length).toBeGreaterThanOrEqual(45);
    for (const page of pages)
      expect([page.title, findStorageError(page.storage)]).toEqual([page.title, undefined]);
  });

  it('has unique titles per space and numeric ids', () => {
    const keys = pages.map((p) => `${p.spaceKey}/${p.title.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pages.every((p) => /^\d+$/.test(p.id) && /^\d+$/.test(p.spaceId))).toBe(true);
  });

  it('uses the storage constructs the bot must preserve', () => {
    const all = pages.map((p) => p.storage).join('\n');
    for (const construct of [
      '<table>',
      '<ul>',
      '<ol>',
      '<h2>',
      '<a href=',
      '<ri:page ',
      'ac:name="code"',
      '<![CDATA[',
      'ac:name="info"',
      'ac:name="note"',
      'ac:name="warning"',
      'ac:name="tip"',
      'ac:name="status"',
      'ac:name="expand"',
      'ac:name="toc"',
      '<ri:attachment ',
      '<ri:user ri:account-id=',
      '<ac:layout>',
      '<ac:task-list>',
    ]) {
      expect(all, construct).toContain(construct);
    }
  });

  it('has page trees and a known fact to answer questions with', () => {
    const failover = pages.find((p) => p.title === 'Runbook: Database Failover');
    expect(store.ancestors(failover?.id ?? '').map((a) => a.title)).toEqual([
      'IT & Operations Home',
      'Incident Runbooks',
    ]);
    expect(pages.find((p) => p.title === 'Parental Leave Policy')?.storage).toContain(
      '16 weeks of paid parental leave',
    );
  });

  it('hides the restricted seed pages from the default bot account', () => {
    const hidden = DEFAULT_ACCOUNTS.bot.hiddenPageIds ?? [];
    expect(hidden.length).toBeGreaterThan(0);
    const hiddenTitles = hidden.map((id) => store.getPage(id)?.title);
    expect(hiddenTitles).toEqual(DEFAULT_PAGES.filter((p) => p.restricted).map((p) => p.title));
    expect(hidden.every((id) => !store.canSeePage(DEFAULT_ACCOUNTS.bot, id))).toBe(true);
  });
});
