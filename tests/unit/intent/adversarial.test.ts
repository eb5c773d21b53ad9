import { describe, expect, it } from 'vitest';
import { looksLikeApiToken } from '../../../bot/intent/detect-secret.js';
import { echoAsCode } from '../../../bot/intent/echo-text.js';
import { normalizeMessage } from '../../../bot/intent/normalize-message.js';
import { findUrl } from '../../../bot/intent/page-ref.js';
import {
  type Intent,
  MAX_COMMAND_LINE_LENGTH,
  MAX_MESSAGE_LENGTH,
  parseMessage,
} from '../../../bot/intent/parse-message.js';
import { findTags, trimEndWhere } from '../../../bot/intent/scan-text.js';

/*
 * Correctness on the inputs that used to make the parser backtrack (timing lives in
 * tests/bench/parse-bench.ts). Each case is also checked at sizes just under the caps.
 */

function fill(head: string, unit: string, size: number, tail = ''): string {
  const n = size - head.length - tail.length;
  return `${head}${unit.repeat(Math.ceil(n / unit.length)).slice(0, n)}${tail}`;
}

function messageOf(intent: Intent): string {
  return intent.kind === 'failure' || intent.kind === 'admin-invalid' || intent.kind === 'unclear'
    ? intent.message
    : '';
}

describe('caps', () => {
  it('refuses a message over the cap with a message that says so', () => {
    const intent = parseMessage(`search ${'. '.repeat(14_000)}`);
    expect(intent.kind).toBe('failure');
    expect(messageOf(intent)).toContain('too long');
    expect(messageOf(intent)).toContain(MAX_MESSAGE_LENGTH.toLocaleString('en'));
  });

  it('refuses a first line over the command cap, whatever it holds', () => {
    for (const unit of ['. ', ' ,', ' please', '<a href=', '"\'“«', ' in']) {
      const intent = parseMessage(fill('search ', unit, MAX_COMMAND_LINE_LENGTH + 1));
      expect(messageOf(intent)).toContain('first line of that message is too long');
    }
  });

  it('keeps a long page body on the following lines', () => {
    const body = fill('', '**[x](https://e.com)** `y`\n', MAX_MESSAGE_LENGTH - 40, 'end');
    expect(parseMessage(`create "Long" in ENG\n${body}`)).toEqual({
      kind: 'operation',
      request: { operation: 'create', title: 'Long', spaceKey: 'ENG', markdown: body },
    });
  });
});

describe('punctuation and courtesy runs at the command-line cap', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('a search followed only by ". " runs asks for search words', () => {
    expect(messageOf(parseMessage(fill('search ', '. ', size)))).toContain('What should I search for?');
  });
  it('". " runs then a word is still an unclear message, echoed as code', () => {
    const intent = parseMessage(fill('vpn', ' .', size, ' x'));
    expect(intent.kind).toBe('unclear');
    expect(messageOf(intent)).toMatch(/^I am not sure what to do with `vpn \. \. .*…`\.$/);
  });
  it('strips one trailing courtesy phrase but keeps words that only end like one', () => {
    expect(parseMessage('search vpn, please!!')).toMatchObject({ request: { words: 'vpn' } });
    expect(parseMessage('search vpn thank you.')).toMatchObject({ request: { words: 'vpn' } });
    expect(parseMessage('search vpn right now')).toMatchObject({ request: { words: 'vpn' } });
    expect(parseMessage('search snow')).toMatchObject({ request: { words: 'snow' } });
    expect(parseMessage('search party')).toMatchObject({ request: { words: 'party' } });
  });
  it('long runs of "please," and "thanks" end in a search that is too long, not a hang', () => {
    expect(messageOf(parseMessage(fill('search vpn', ' please,', size, ' x')))).toContain(
      'search is too long',
    );
    expect(messageOf(parseMessage(fill('search vpn', ' thanks', size)))).toContain('search is too long');
  });
  it('question marks and spaces still make a question', () => {
    expect(parseMessage(fill('what ', '? ', size, 'x')).kind).toBe('question');
  });
  it('runs of greeting words that end in something else are read once, not tried every way', () => {
    // "thanks" once matched two greeting words, "mate" and "sir" two tails: 2^n ways before failing.
    expect(parseMessage(`${'thanks '.repeat(60)}x?`).kind).toBe('question');
    expect(parseMessage(`${'hey mate sir '.repeat(40)}x`).kind).not.toBe('greeting');
    expect(parseMessage(`${'thanks for that '.repeat(40)}x`).kind).not.toBe('greeting');
    expect(parseMessage(`${'thanks '.repeat(28)}`).kind).toBe('greeting');
    // "much appreciated" was one greeting word and also "much" + "appreciated", "ekaaro" was in two lists: each run
    // that failed at its end was tried 2^n ways (seconds at 400 characters). Greeting lines are read up to 200 characters.
    expect(parseMessage(`${'much appreciated '.repeat(60)}x`).kind).not.toBe('greeting');
    expect(parseMessage(`${'ekaaro '.repeat(60)}x`).kind).not.toBe('greeting');
    expect(parseMessage(`${'much appreciated '.repeat(11)}x`).kind).not.toBe('greeting');
    expect(parseMessage('much appreciated, thanks much').kind).toBe('greeting');
    // "o" was a particle two ways (the shared particles and the thanks particles): "thanks o o … o x" took 3 s at
    // 60 characters, under the 200-character cap. Runs are now read word by word, whatever the lists overlap.
    expect(parseMessage(`thanks${' o'.repeat(96)} x`).kind).not.toBe('greeting');
    expect(parseMessage(`thanks${' o'.repeat(96)}`).kind).toBe('greeting');
    expect(parseMessage(`${'much obliged '.repeat(15)}x`).kind).not.toBe('greeting');
    expect(parseMessage(`${'good morning o '.repeat(13)}x`).kind).not.toBe('greeting');
  });
});

describe('quotes, clauses and links', () => {
  it('an unclosed quote is reported; one still open after 510 characters is a title too long', () => {
    expect(messageOf(parseMessage(fill('get «', '“‘「\'"', 400)))).toContain('no closing quote');
    expect(messageOf(parseMessage(fill('get «', '“‘「\'"', 1_500)))).toContain('at most 255');
  });
  it('a quoted title longer than Confluence allows is refused as too long', () => {
    expect(messageOf(parseMessage(`get "${'a'.repeat(1_200)}" in ENG`))).toContain('at most 255');
    expect(messageOf(parseMessage(`create "${'a'.repeat(1_200)}" in ENG: x`))).toContain('at most 255');
  });
  it('a create whose space clause comes after a 255-character title is refused as too long', () => {
    expect(messageOf(parseMessage(`create ${'word '.repeat(300)}in ENG: body`))).toContain('at most 255');
  });
  it('"in" repeated after get never becomes a title', () => {
    expect(parseMessage(fill('get x', ' in', 1_500, ' ')).kind).toBe('failure');
  });
  it('many parent clauses with unclosed quotes fail with advice', () => {
    expect(parseMessage(`create x ${'under "a '.repeat(150)}in ENG: b`).kind).toBe('failure');
  });
  it('finds a link after stray link-like text, and gives up after a bounded number of candidates', () => {
    const url = 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1';
    expect(findUrl(`${'[x '.repeat(10)}${url}`)).toBe(url);
    expect(findUrl(`${'<a href= '.repeat(40)}${url}`)).toBeUndefined();
    expect(findUrl(`see docs.acme.atlassian.net/wiki/x here`)).toBe('https://docs.acme.atlassian.net/wiki/x');
  });
  it('keeps a URL with balanced parentheses and drops the unbalanced ones', () => {
    const url = 'https://acme.atlassian.net/wiki/A_(b)';
    expect(findUrl(`(${url}))).`)).toBe(url);
    expect(findUrl(`${url.slice(0, -3)}${')'.repeat(3_000)}`)).toBe(url.slice(0, -3));
  });
});

describe('Teams HTML, mentions and secrets', () => {
  it('stray <a href fragments in Teams HTML are left as text', () => {
    const text = fill('<p>get ', '<a href="https://x.y/z" ', MAX_COMMAND_LINE_LENGTH - 10, '</p>');
    expect(normalizeMessage(text, []).text).toBe(text.slice(3, -4));
  });
  it('a well-formed Teams link among fragments becomes its URL', () => {
    expect(normalizeMessage('<p>get <a <a href="https://x.y/1">page</a></p>', []).text).toBe(
      'get <a https://x.y/1',
    );
  });
  it('resolves at most 50 mention tags and leaves the rest as written', () => {
    const normalized = normalizeMessage('<at>x</at>'.repeat(60), []);
    expect(normalized.mentions).toHaveLength(50);
    expect(normalized.text.endsWith('<at>x</at>'.repeat(10))).toBe(true);
  });
  it('still finds a token after a long run of secret words', () => {
    expect(looksLikeApiToken(`${'token '.repeat(4_000)}k9Qz7Xw2Lp4Rt8Vb1Nc6`)).toBe(true);
    expect(looksLikeApiToken('token '.repeat(4_000))).toBe(false);
  });
  it('keeps line breaks, control characters and no-break spaces handling exact on long runs', () => {
    const text = `a${'\r\n'.repeat(5)}b${'\r'.repeat(3)}c${'\u00a0'.repeat(4)}d${'\u0001'.repeat(9)}e`;
    expect(normalizeMessage(text, []).text).toBe('a\n\n\n\n\nb\n\n\nc    de');
  });
});

describe('scanners', () => {
  it('trimEndWhere trims only the trailing run', () => {
    expect(trimEndWhere('a. b. . .', (c) => c === '.' || c === ' ')).toBe('a. b');
    expect(trimEndWhere('...', (c) => c === '.')).toBe('');
  });
  it('findTags skips tags that hold another < or run past the length cap', () => {
    expect(findTags('<a <b x="1">t</b> <c', 50).map((t) => [t.name, t.closing, t.attrs])).toEqual([
      ['b', false, ' x="1"'],
      ['b', true, ''],
    ]);
    expect(findTags(`<p ${'x'.repeat(100)}>`, 50)).toEqual([]);
  });
});

describe('echoed user text', () => {
  it('quotes the user text as inline code so Markdown does not render', () => {
    const intent = parseMessage('asdf qwer [click](https://evil.example) **now**');
    expect(messageOf(intent)).toBe(
      'I am not sure what to do with `asdf qwer [click](https://evil.example) **now**`.',
    );
  });
  it('replaces backticks so the text cannot close the code span', () => {
    const message = messageOf(parseMessage('vpn ``` `x` ` [a](b)'));
    expect(message).toBe("I am not sure what to do with `vpn ''' 'x' ' [a](b)`.");
    expect(message.match(/`/g)).toHaveLength(2);
  });
  it('caps the echoed text', () => {
    const message = messageOf(parseMessage(`vpn ${'word '.repeat(100)}`));
    expect(message).toMatch(/^I am not sure what to do with `vpn word .*…`\.$/);
    expect(message.length).toBeLessThan(110);
  });
  it('quotes titles and headings the same way', () => {
    expect(messageOf(parseMessage('create "**Bold** `x`" in ENG'))).toContain(
      "What should `**Bold** 'x'` say?",
    );
    expect(messageOf(parseMessage('create "[a](https://e.x)"'))).toContain(
      'Which space should `[a](https://e.x)` go in?',
    );
    expect(messageOf(parseMessage('create "_it_"\nbody'))).toContain('Which space should `_it_` go in?');
    expect(messageOf(parseMessage('update 1\nsection "**H**":'))).toContain(
      'What should the `**H**` section say?',
    );
  });
  it('echoAsCode keeps whole code points and never returns an empty span', () => {
    expect(echoAsCode('😀'.repeat(70), 60)).toBe(`\`${'😀'.repeat(60)}…\``);
    expect(echoAsCode('a\n\tb')).toBe('`a b`');
    expect(echoAsCode('``')).toBe("`''`");
  });
});

describe('looser word orders at the command-line cap (issue 13, third round)', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('a run of ", i" clauses after a search is never dropped as context: too long, not a hang', () => {
    expect(parseMessage(fill('search ', ', i', size)).kind).toBe('failure');
  });
  it('"the a a … needs a line saying x" is not an edit of a 2 KB page name', () => {
    expect(parseMessage(fill('the ', 'a ', size, 'needs a line saying x')).kind).toBe('unclear');
  });
  it('"a, a, … , open it" does not move the verb over a 2 KB object', () => {
    expect(parseMessage(fill('', 'a, ', size, ', open it')).kind).toBe('unclear');
  });
  it('"the a a … should be called x" is not a rename', () => {
    expect(parseMessage(fill('the ', 'a ', size, 'should be called x')).kind).toBe('unclear');
  });
  it('"a b b … page in HR" is not a new page with a 2 KB title', () => {
    expect(parseMessage(fill('a ', 'b ', size, 'page in HR')).kind).toBe('unclear');
  });
  it('an unquoted replace longer than the edit cap is refused', () => {
    expect(parseMessage(fill('update x: replace ', 'a to ', size)).kind).toBe('failure');
  });
  it('"teh" repeated is corrected only among the first words and stays unclear', () => {
    expect(parseMessage(fill('', 'teh ', size)).kind).toBe('unclear');
  });
});

describe('words spelled wrong at the command-line cap (issue 13, ninth round)', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('words run together, repeated, are read only among the first words: a question, not a hang', () => {
    expect(parseMessage(fill('', 'canyou ', size)).kind).toBe('question');
  });
  it('letters held down, repeated, stay unclear', () => {
    expect(parseMessage(fill('', 'pleeease ', size)).kind).toBe('unclear');
  });
  it('a verb without its vowels, repeated, asks which page instead of guessing one', () => {
    expect(parseMessage(fill('', 'updt ', size)).kind).toBe('failure');
  });
  it('quoted words are never corrected, however many', () => {
    const intent = parseMessage(fill('', '"teh ', size));
    expect(intent.kind).toBe('unclear');
    expect(messageOf(intent)).toContain('"teh "teh');
  });
});

describe('new phrasings at the command-line cap (issue 13, fourth and fifth rounds)', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('"in a fix a fix …" tries a few places for the page name, then gives up: unclear', () => {
    expect(parseMessage(fill('in ', 'a fix ', size)).kind).toBe('unclear');
  });
  it('"correct a to a to …" and "add "x" to the end of …" are not edits of a 2 KB page', () => {
    expect(parseMessage(fill('correct ', 'a to ', size)).kind).toBe('failure');
    expect(parseMessage(fill('add "x" ', 'to the end of ', size)).kind).toBe('failure');
  });
  it('"to ENG" repeated, "call it" repeated and "in HR a page a a …" give no 2 KB title', () => {
    for (const text of [
      fill('new page ', 'a to ENG ', size, ': x'),
      fill('a new page in OPS', ', call it a', size),
      fill('create in HR a page ', 'a ', size, ': x'),
    ]) {
      expect(messageOf(parseMessage(text))).toMatch(/at most 255 characters/);
    }
  });
  it('praise repeated is not an acknowledgement, and tags repeated are not dropped into a hang', () => {
    expect(parseMessage(fill('', "that's great ", size, 'x')).kind).toBe('unclear');
    expect(parseMessage(fill('search x', ', can you add it', size)).kind).toBe('failure');
  });
  it('page-as-subject, title and back-reference forms over 2 KB are not edits', () => {
    expect(parseMessage(fill('change ', 'a ', size, 'title to x')).kind).toBe('failure');
    expect(parseMessage(fill('it would be great if the ', 'a ', size, 'said x')).kind).toBe('unclear');
    expect(parseMessage(fill('a line on ', 'a ', size, 'saying x')).kind).toBe('unclear');
    expect(parseMessage(fill('', 'a, ', size, 'append: x')).kind).toBe('unclear');
    expect(parseMessage(fill('the page from ', 'a ', size)).kind).toBe('unclear');
    expect(parseMessage(fill('for the ', 'a ', size, ' we need a page')).kind).toBe('unclear');
  });
  it('"can the a a … say x", "a a … needs a line: x" and "x: "a" -> …" are not edits of a 2 KB page', () => {
    expect(parseMessage(fill('can the ', 'a ', size, 'say x')).kind).toBe('question');
    expect(parseMessage(fill('', 'a ', size, 'needs a line: x')).kind).toBe('unclear');
    expect(parseMessage(fill('x: ', '"a" -> ', size)).kind).toBe('unclear');
  });
  it('an unquoted "… should be …" longer than the edit cap is text to add, not a replace', () => {
    const intent = parseMessage(fill('update page 5: ', '1 ', size, 'should be 2'));
    expect(
      intent.kind === 'operation' && intent.request.operation === 'update' && intent.request.edit.kind,
    ).toBe('append');
  });
});

describe('new phrasings at the command-line cap (issue 13, sixth round)', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('"update in a that …", "help a a …" and "whatever we have on" repeated are not 2 KB edits or searches', () => {
    expect(parseMessage(fill('update in ', 'a that ', size)).kind).toBe('failure');
    expect(parseMessage(fill('help ', 'a ', size)).kind).toBe('help');
    expect(parseMessage(fill('search ', 'whatever we have on ', size, 'x')).kind).toBe('failure');
  });
  it('a purpose repeated after the space, and "please" and commas after a title, give no 2 KB page', () => {
    expect(parseMessage(fill('create "X" in OPS ', 'for the a ', size)).kind).toBe('failure');
    expect(messageOf(parseMessage(fill('create page called a', ' ,', size, 'x')))).toMatch(
      /at most 255 characters/,
    );
    expect(parseMessage(fill('create page called ', 'a please ', size, ' in ENG: x')).kind).toBe('failure');
  });
  it('"could the a a … be renamed", "the line" repeated and "that the a a … says" give no 2 KB page', () => {
    expect(parseMessage(fill('could the ', 'a ', size, ' be renamed to x')).kind).toBe('question');
    expect(parseMessage(fill('add the line ', 'a to ', size)).kind).toBe('unclear');
    expect(parseMessage(fill('i would like that the ', 'a ', size, ' says x')).kind).toBe('unclear');
  });
  it('"a a … needs updating: x", "a page a a … in HR" and "can we get a a … page in HR" give no 2 KB page', () => {
    expect(parseMessage(fill('', 'a ', size, 'needs updating: x')).kind).toBe('unclear');
    expect(parseMessage(fill('a page ', 'a ', size, ' in HR')).kind).toBe('unclear');
    expect(parseMessage(fill('can we get a ', 'a ', size, ' page in HR')).kind).toBe('failure');
  });
  it('"the page a a … mentioned" is too long to be an earlier page: it stays a question', () => {
    expect(parseMessage(fill('can someone deal with the page ', 'a ', size, ' mentioned')).kind).toBe(
      'question',
    );
  });
});

describe('new phrasings at the command-line cap (issue 13, seventh round)', () => {
  const size = MAX_COMMAND_LINE_LENGTH;
  it('chat residue repeated is dropped in one pass: what is left is read', () => {
    const codes = ':eyes: '.repeat(Math.floor((size - 'search x'.length) / ':eyes: '.length));
    expect(parseMessage(`${codes}search x`)).toEqual({
      kind: 'operation',
      request: { operation: 'search', words: 'x' },
    });
    expect(parseMessage(fill('', '@bot ', size, 'x')).kind).toBe('operation');
  });
  it('"I need the a a …, open it", "the a a … says x, should be y" and "a a … add: x" give no 2 KB page', () => {
    expect(parseMessage(fill('I need the ', 'a ', size, ', open it')).kind).toBe('unclear');
    expect(parseMessage(fill('the ', 'a ', size, ' says x, should be y')).kind).toBe('unclear');
    expect(parseMessage(fill('', 'a ', size, 'add: x')).kind).toBe('unclear');
  });
  it('"my a asked me to" repeated, a hedge without an end and "search the a a … space for x" are not 2 KB commands', () => {
    expect(parseMessage(fill('my ', 'a asked me to ', size, 'find x')).kind).toBe('unclear');
    expect(parseMessage(fill('not sure if ', 'a ', size)).kind).toBe('question');
    expect(parseMessage(fill('search the ', 'a ', size, ' space for x')).kind).toBe('failure');
  });
  it('"a page in HR called a and a and …" and ", the text is" repeated give no 2 KB page', () => {
    expect(parseMessage(fill('a page in HR called ', 'a and ', size)).kind).toBe('failure');
    expect(parseMessage(fill('add to the ', ', the text is ', size, ': x')).kind).toBe('failure');
  });
  it('"update a a …, b c", "the a a … title should be x", "a a … update: x" and "add that to the a a …" give no 2 KB page', () => {
    expect(parseMessage(fill('update ', 'a ', size, ', b c')).kind).toBe('failure');
    expect(parseMessage(fill('the ', 'a ', size, ' title should be x')).kind).toBe('unclear');
    expect(parseMessage(fill('', 'a ', size, 'update: x')).kind).toBe('unclear');
    expect(parseMessage(fill('door C is closed, add that to the ', 'a ', size)).kind).not.toBe(
      'page-by-name',
    );
  });
});
