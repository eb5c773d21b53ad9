import type { MessageMention } from './types.js';

/** Marks a mention in normalised text: `MENTION_OPEN + index + MENTION_CLOSE` (private-use code points). */
export const MENTION_OPEN = '\uE000';
export const MENTION_CLOSE = '\uE001';

/** A `<at>…</at>` tag found in the message; `id` is set when the mentions list names the person. */
export interface FoundMention {
  readonly name: string;
  readonly id?: string;
}

/** A message after {@link normalizeMessage}. */
export interface NormalizedMessage {
  /**
   * Line breaks are `\n`, control characters and stray private-use marks are gone, non-breaking
   * spaces are plain spaces, and each `<at>…</at>` tag is replaced by a mention placeholder.
   * HTML entities are NOT decoded here (Markdown bodies keep them; see {@link decodeEntities}).
   */
  readonly text: string;
  readonly mentions: readonly FoundMention[];
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bdquo: '„',
  hellip: '…',
  ndash: '–',
  mdash: '—',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/g;
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
const WIDE_SPACE = /[\u00A0\u2007\u202F]/g;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const AT_TAG = /<at(?:\s[^>]{0,200})?>([^<]{0,300})<\/at>/gi;
const TEAMS_HTML_START = /^\s*<(?:p|div)(?:\s[^>]{0,500})?>/i;
const LINK_TAG = /<a\s[^>]{0,1000}?href\s*=\s*["']([^"'<>]{1,4000})["'][^>]{0,1000}>[^<]{0,4000}<\/a>/gi;

/**
 * Decodes HTML entities in one pass (`&amp;lt;` becomes `&lt;`, not `<`). Unknown or invalid
 * entities are left as typed. Never throws.
 */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      const valid =
        Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      if (!valid) return whole;
      const char = String.fromCodePoint(code);
      return char === '\u00A0' ? ' ' : char;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * One line ready for command matching: entities decoded, invisible formatting characters (zero-width,
 * bidi marks, soft hyphens) removed, runs of whitespace collapsed to one space, trimmed.
 */
export function cleanLine(line: string): string {
  return decodeEntities(line).replace(WIDE_SPACE, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function convertTeamsHtml(text: string): string {
  if (!TEAMS_HTML_START.test(text)) return text;
  return text
    .replace(LINK_TAG, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div)>[ \t]*/gi, '\n')
    .replace(/<(?:p|div|span|strong|b|em|i|u|s)(?:\s[^>]{0,500})?>|<\/(?:span|strong|b|em|i|u|s)>/gi, '')
    .replace(/\n+$/, '');
}

function mentionKey(name: string): string {
  return cleanLine(name).toLowerCase();
}

function innerOfTag(text: string): string {
  const match = /^<at(?:\s[^>]*)?>([\s\S]*)<\/at>$/i.exec(text.trim());
  return match ? (match[1] ?? '') : text;
}

/**
 * Normalises a message from the chat edge (see {@link NormalizedMessage}). Teams' HTML form
 * (`<p>…</p>`, `<br>`) is turned into lines; a leading `<at>` tag that is not in `mentions` (a leftover
 * bot mention) or a leading `@Bot`-style word is dropped. Each other `<at>Name</at>` is matched, in
 * order, to an unused entry of `mentions` with the same tag text or name. Never throws.
 */
export function normalizeMessage(raw: string, mentions: readonly MessageMention[]): NormalizedMessage {
  let text = convertTeamsHtml(raw.replace(LINE_BREAK, '\n').replace(CONTROL, ''))
    .replace(WIDE_SPACE, ' ')
    .replace(/&nbsp;/gi, ' ');
  const unused = mentions.map((m) => ({
    id: m.id,
    tagKey: mentionKey(innerOfTag(m.text)),
    nameKey: mentionKey(m.name),
    used: false,
  }));
  const found: FoundMention[] = [];
  text = text.replace(AT_TAG, (_whole, inner: string) => {
    const name = cleanLine(inner);
    const key = name.toLowerCase();
    const match =
      unused.find((m) => !m.used && m.tagKey === key) ?? unused.find((m) => !m.used && m.nameKey === key);
    if (match) match.used = true;
    found.push(match ? { name, id: match.id } : { name });
    return `${MENTION_OPEN}${found.length - 1}${MENTION_CLOSE}`;
  });
  text = text.replace(/^[\s\u200B-\u200F\uFEFF]+/, '');
  const leading = new RegExp(`^${MENTION_OPEN}(\\d+)${MENTION_CLOSE}[\\s,:]*`).exec(text);
  if (leading && found[Number(leading[1])]?.id === undefined) {
    text = text.slice(leading[0].length);
  } else {
    text = text.replace(
      /^@(?:confluence[ _-]?assistant|confluence[ _-]?bot|confluence|assistant|bot)\b[\s,:]*/i,
      '',
    );
  }
  return { text, mentions: found };
}

/** Replaces mention placeholders in `text` with the mentioned people's display names. */
export function showMentions(text: string, mentions: readonly FoundMention[]): string {
  if (!text.includes(MENTION_OPEN)) return text;
  return text.replace(
    new RegExp(`${MENTION_OPEN}(\\d+)${MENTION_CLOSE}`, 'g'),
    (_whole, index: string) => mentions[Number(index)]?.name ?? '',
  );
}
