import { describe, expect, it } from 'vitest';
import { parseExcerpt, stripHighlightMarkers, unescapeHtml } from '../../../bot/confluence/excerpt.js';

describe('unescapeHtml', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&lt;script&gt;', '<script>'],
    ['&quot;x&quot; &#39;y&#39; &#x27;z&#x27;', "\"x\" 'y' 'z'"],
    ['&amp;lt;', '&lt;'],
    ['&#128512;', '😀'],
    ['&bogus; &#xD800; &#0; &#99999999;', '&bogus; \uFFFD \uFFFD \uFFFD'],
    ['no entities', 'no entities'],
  ])('%j -> %j', (input, expected) => {
    expect(unescapeHtml(input)).toBe(expected);
  });
});

describe('parseExcerpt', () => {
  it('splits highlight markers into parts and unescapes text', () => {
    expect(
      parseExcerpt(
        'We offer @@@hl@@@parental@@@endhl@@@ &amp; @@@hl@@@leave@@@endhl@@@ for 16 weeks&hellip;',
      ),
    ).toEqual([
      { text: 'We offer ', highlight: false },
      { text: 'parental', highlight: true },
      { text: ' & ', highlight: false },
      { text: 'leave', highlight: true },
      { text: ' for 16 weeks…', highlight: false },
    ]);
  });

  it('does not let escaped HTML become markup or markers', () => {
    expect(parseExcerpt('&lt;b&gt;@@@hl@@@x@@@endhl@@@&lt;/b&gt;')).toEqual([
      { text: '<b>', highlight: false },
      { text: 'x', highlight: true },
      { text: '</b>', highlight: false },
    ]);
  });

  it('tolerates unbalanced and stray markers', () => {
    expect(parseExcerpt('a @@@hl@@@b')).toEqual([
      { text: 'a ', highlight: false },
      { text: 'b', highlight: true },
    ]);
    expect(parseExcerpt('a @@@endhl@@@ b')).toEqual([{ text: 'a b', highlight: false }]);
    expect(parseExcerpt('@@@hl@@@@@@endhl@@@')).toEqual([]);
    expect(parseExcerpt('')).toEqual([]);
  });

  it('collapses whitespace and trims the ends', () => {
    expect(parseExcerpt('\n  one\n\n two  ')).toEqual([{ text: 'one two', highlight: false }]);
  });
});

describe('stripHighlightMarkers', () => {
  it('removes every marker', () => {
    expect(stripHighlightMarkers('@@@hl@@@Parental@@@endhl@@@ leave @@@hl@@@policy@@@endhl@@@')).toBe(
      'Parental leave policy',
    );
  });
});
