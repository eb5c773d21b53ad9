/** A person mentioned in a Slack message (never the bot itself). */
export interface SlackMention {
  /** The Slack user id (`U…` or `W…`). */
  readonly userId: string;
  /** The name Slack put in the mention (`<@U123|ada>`), when it did. */
  readonly label?: string;
  /** How the mention reads in the decoded text: `@ada`, or `@U123` without a label. */
  readonly text: string;
}

/** Slack message text decoded once at the edge. */
export interface DecodedSlackText {
  /** Plain text: entities decoded, links as their URL, mentions as `@name`, the bot's mentions removed, trimmed. */
  readonly text: string;
  /** People mentioned, in order of appearance, each once; never the bot. */
  readonly mentions: readonly SlackMention[];
  /** URLs of links in the text, in order (mailto links excluded). */
  readonly links: readonly string[];
}

const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };
const CONTROL = /<([^<>]*)>/g;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Slack escapes exactly `&`, `<` and `>` in message text; this undoes that in one pass, so a user who
 * typed `&lt;` (sent as `&amp;lt;`) keeps `&lt;`.
 */
export function decodeSlackEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, (_match, name: string) => ENTITIES[name] ?? '') : text;
}

function special(target: string, label: string | undefined): string {
  const name = target.slice(1);
  if (name === 'here' || name === 'channel' || name === 'everyone') return `@${name}`;
  if (label !== undefined) return label;
  if (name.startsWith('subteam^')) return '@team';
  if (name.startsWith('date^')) return '';
  return `@${name}`;
}

/**
 * Decodes Slack's inbound message format (mrkdwn as Slack delivers it): every `<…>` is a control
 * sequence — user mentions `<@U123>` / `<@U123|ada>`, channels `<#C123|general>`, broadcasts
 * `<!here>`, links `<https://…|label>` (kept as the URL) and `<mailto:…|…>` — and everything else is
 * literal text with `&`, `<`, `>` escaped. A literal `<!here>` a user typed arrives as `&lt;!here&gt;`
 * and comes out as the text `<!here>`, never as a broadcast. Mentions of `botUserId` are removed
 * (as the Teams edge strips `<at>bot</at>`). Linear in the input.
 */
export function decodeSlackText(raw: string, botUserId?: string): DecodedSlackText {
  const mentions: SlackMention[] = [];
  const links: string[] = [];
  let text = '';
  let last = 0;
  for (const match of raw.matchAll(CONTROL)) {
    text += decodeSlackEntities(raw.slice(last, match.index));
    last = match.index + match[0].length;
    const inner = match[1] ?? '';
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : decodeSlackEntities(inner.slice(bar + 1));
    if (target.startsWith('@') && USER_ID.test(target.slice(1))) {
      const userId = target.slice(1);
      if (userId === botUserId) continue;
      const mention: SlackMention = {
        userId,
        ...(label !== undefined && label !== '' ? { label } : {}),
        text: `@${label || userId}`,
      };
      if (!mentions.some((m) => m.userId === userId)) mentions.push(mention);
      text += mention.text;
    } else if (target.startsWith('#')) {
      text += `#${label || target.slice(1)}`;
    } else if (target.startsWith('!')) {
      text += special(target, label);
    } else {
      const url = decodeSlackEntities(target);
      if (/^mailto:/i.test(url)) {
        text += label || url.slice('mailto:'.length);
      } else {
        links.push(url);
        text += url;
      }
    }
  }
  text += decodeSlackEntities(raw.slice(last));
  return { text: text.replace(/\r\n?/g, '\n').trim(), mentions, links };
}
