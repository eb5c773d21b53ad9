import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../bot/domain/decode-entities.js';
import {
  cleanLine,
  dropChatResidue,
  normalizeMessage,
  showMentions,
} from '../../../bot/intent/normalize-message.js';
import { readQuoted } from '../../../bot/intent/read-quoted.js';
import { acceptSpaceWord, normalizeSpaceKey } from '../../../bot/intent/space-key.js';

describe('normalizeMessage', () => {
  it('decodes entities once and leaves unknown ones', () => {
    expect(decodeEntities('a &amp;lt; b &#x1F600; &#39; &bogus; &#xD800; AT&T &copy2024')).toBe(
      "a &lt; b 😀 ' &bogus; \uFFFD AT&T &copy2024",
    );
  });
  it('cleans a command line', () => {
    expect(cleanLine('  search\u00a0vpn\u200b   setup\u202e ')).toBe('search vpn setup');
  });
  it('leaves entities as they are: the chat edge decoded them once already', () => {
    expect(cleanLine('get "&lt;b&gt;" &amp; &nbsp;')).toBe('get "&lt;b&gt;" &amp; &nbsp;');
    expect(normalizeMessage('search&nbsp;vpn &amp;lt;', []).text).toBe('search&nbsp;vpn &amp;lt;');
  });
  it('turns Teams links into their URL and drops formatting tags', () => {
    expect(
      normalizeMessage(
        '<p>get <a href="https://x.atlassian.net/wiki/1" title="t">the page</a> <b>now</b></p>  <div>ok</div>',
        [],
      ).text,
    ).toBe('get https://x.atlassian.net/wiki/1 now\nok');
    expect(normalizeMessage('<p>a <a href="u">x <i>y</i></a> <br/>b</p>', []).text).toBe(
      'a <a href="u">x y</a> \nb',
    );
  });
  it('turns Teams HTML into lines and keeps other text alone', () => {
    expect(normalizeMessage('<p>create "x" in ENG</p><p>a<br>b</p>', []).text).toBe(
      'create "x" in ENG\na\nb',
    );
    expect(normalizeMessage('create "x" in ENG\n<p>kept</p>', []).text).toBe(
      'create "x" in ENG\n<p>kept</p>',
    );
  });
  it('keeps body lines byte for byte except line endings and no-break spaces', () => {
    expect(normalizeMessage('x\r\n  a &lt; b\r\n\u00a0\u00a0c\td', []).text).toBe('x\n  a &lt; b\n  c\td');
  });
  it('replaces mention tags with placeholders resolved against the list', () => {
    const result = normalizeMessage('hi <at>Ada</at> and <at>Bob</at>', [
      { id: '1', name: 'Ada', text: '<at>Ada</at>' },
    ]);
    expect(result.mentions).toEqual([{ name: 'Ada', id: '1' }, { name: 'Bob' }]);
    expect(showMentions(result.text, result.mentions)).toBe('hi Ada and Bob');
  });
  it('drops a leading bot mention or @Bot prefix', () => {
    expect(normalizeMessage('<at>Confluence Assistant</at> help', []).text).toBe('help');
    expect(normalizeMessage('@Confluence Assistant: help', []).text).toBe('help');
  });
  it('removes control characters and stray private-use marks', () => {
    expect(normalizeMessage('he\u0000l\u0007lo\uE000\uE001', []).text).toBe('hello');
  });
});

describe('readQuoted', () => {
  it.each([
    ['"plain"', 'plain'],
    ['“curly”', 'curly'],
    ['„low“', 'low'],
    ['«guillemets»', 'guillemets'],
    ['「corner」', 'corner'],
    ["'it's fine'", "it's fine"],
    ['"back\\\\slash"', 'back\\slash'],
    ['"say \\"hi\\""', 'say "hi"'],
  ])('%s', (text, value) => {
    expect(readQuoted(text, 0)).toMatchObject({ kind: 'quoted', value });
  });
  it('reports an unclosed quote', () => {
    expect(readQuoted('"open', 0)).toEqual({ kind: 'unbalanced', open: '"' });
  });
  it('returns undefined when there is no quote', () => {
    expect(readQuoted('plain', 0)).toBeUndefined();
  });
});

describe('space keys', () => {
  it.each([
    ['eng', 'ENG'],
    ['ENG2', 'ENG2'],
    ['~jdoe', '~jdoe'],
    ['EN-G', undefined],
    ['', undefined],
    ['ＥＮＧ', undefined],
  ])('normalizeSpaceKey(%s)', (raw, key) => {
    expect(normalizeSpaceKey(raw)).toBe(key);
  });
  it.each([
    ['ENG', false, 'ENG'],
    ['eng', false, 'ENG'],
    ['the', false, undefined],
    ['it', false, undefined],
    ['it', true, 'IT'],
    ['production', false, undefined],
    ['production', true, 'PRODUCTION'],
    ['2024', false, undefined],
  ] as const)('acceptSpaceWord(%s, %s)', (word, explicit, key) => {
    expect(acceptSpaceWord(word, explicit)).toBe(key);
  });
});

describe('dropChatResidue', () => {
  it('drops Slack shortcodes, emoji and a leftover "@bot" among the command words', () => {
    expect(dropChatResidue('yo @bot search parking :pray:')).toBe('yo search parking');
    expect(dropChatResidue('hey 👋 can you open the rota? :eyes: 🙏')).toBe('hey . can you open the rota?');
    expect(dropChatResidue('open #3 :point_up::skin-tone-2:')).toBe('open #3');
  });
  it('keeps page text after the first quote or "word:" as typed', () => {
    expect(dropChatResidue('append to the rota: done :tada: 🎉')).toBe('append to the rota: done :tada: 🎉');
    expect(dropChatResidue('add "ship it :rocket:" to page 12')).toBe('add "ship it :rocket:" to page 12');
  });
  it('leaves times, ratios and people alone', () => {
    expect(dropChatResidue('meet at 10:30 with @jane')).toBe('meet at 10:30 with @jane');
  });
});
