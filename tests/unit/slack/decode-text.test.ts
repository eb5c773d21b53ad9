import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSlackEntities, decodeSlackText } from '../../../bot/slack/decode-text.js';

const BOT = 'U0BOT00001';

describe('decodeSlackText', () => {
  const cases: [string, string, string][] = [
    ['plain text', 'search vpn', 'search vpn'],
    ['escaped ampersand and angle brackets', 'R&amp;D &lt;draft&gt;', 'R&D <draft>'],
    ['decoded once: a typed entity stays an entity', 'a &amp;lt; b', 'a &lt; b'],
    [
      'a literal <!here> a user typed is text, not a broadcast',
      'get "&lt;!here&gt; notes"',
      'get "<!here> notes"',
    ],
    ['a real @here', '<!here> look', '@here look'],
    ['@channel and @everyone', '<!channel> <!everyone>', '@channel @everyone'],
    ['a user group', '<!subteam^S0DEVS|@devs> ping', '@devs ping'],
    ['a date with fallback', 'due <!date^1700000000^{date}|Nov 14>', 'due Nov 14'],
    ['a channel link', 'see <#C0GENERAL1|general>', 'see #general'],
    ['a channel link without name', 'see <#C0GENERAL1>', 'see #C0GENERAL1'],
    [
      'a link with label becomes its URL',
      'get <https://acme.atlassian.net/wiki/x?a=1&amp;b=2|the page>',
      'get https://acme.atlassian.net/wiki/x?a=1&b=2',
    ],
    [
      'a bare link',
      'get <https://acme.atlassian.net/wiki/spaces/ENG/pages/123>',
      'get https://acme.atlassian.net/wiki/spaces/ENG/pages/123',
    ],
    [
      'a mailto link',
      'approvers add <mailto:ada@example.com|ada@example.com>',
      'approvers add ada@example.com',
    ],
    ['a mention without label', 'approvers add <@U0ADA00001>', 'approvers add @U0ADA00001'],
    ['a mention with label (escaped slash command)', 'approvers add <@U0ADA00001|ada>', 'approvers add @ada'],
    ["the bot's own leading mention is removed", `<@${BOT}> search vpn`, 'search vpn'],
    ["the bot's mention anywhere is removed", `hey <@${BOT}>, search vpn`, 'hey , search vpn'],
    [
      'multi-line bodies keep their lines',
      `<@${BOT}> create "T" in ENG\r\n# Heading\r\n&gt; quote`,
      'create "T" in ENG\n# Heading\n> quote',
    ],
    ['an unmatched escaped bracket', '5 &gt; 3 and 2 &lt; 4', '5 > 3 and 2 < 4'],
    ['a stray < that Slack would never send is kept', 'a < b', 'a < b'],
    ['unknown entities stay as typed', '&quot;x&quot; &#60;', '&quot;x&quot; &#60;'],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(decodeSlackText(raw, BOT).text).toBe(expected);
  });

  it('lists mentions once each, never the bot, and links in order', () => {
    const decoded = decodeSlackText(
      `<@${BOT}> approvers add <@U0ADA00001|ada> <@U0GRACE001> <@U0ADA00001> see <https://a.test/1|one> <https://b.test/2>`,
      BOT,
    );
    expect(decoded.mentions).toEqual([
      { userId: 'U0ADA00001', label: 'ada', text: '@ada' },
      { userId: 'U0GRACE001', text: '@U0GRACE001' },
    ]);
    expect(decoded.links).toEqual(['https://a.test/1', 'https://b.test/2']);
  });

  it('a page title that looks like a control sequence never becomes one', () => {
    const decoded = decodeSlackText('get "&lt;@U0ADA00001&gt; &lt;https://evil.test|click&gt;"', BOT);
    expect(decoded.text).toBe('get "<@U0ADA00001> <https://evil.test|click>"');
    expect(decoded.mentions).toEqual([]);
    expect(decoded.links).toEqual([]);
  });

  it('without a bot id nothing is removed', () => {
    expect(decodeSlackText(`<@${BOT}> hi`).text).toBe(`@${BOT} hi`);
  });

  it('is linear on adversarial input (no pathological backtracking)', () => {
    const raw = `${'<'.repeat(200_000)}${'&amp;'.repeat(100_000)}${'<@U1|'.repeat(50_000)}`;
    const started = performance.now();
    decodeSlackText(raw, BOT);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('escaping then decoding gives back any text (property)', () => {
    const escapeForSlack = (text: string) =>
      text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(decodeSlackEntities(escapeForSlack(text))).toBe(text);
        expect(decodeSlackText(escapeForSlack(text), BOT).text).toBe(text.replace(/\r\n?/g, '\n').trim());
      }),
    );
  });
});
