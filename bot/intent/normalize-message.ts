import { type FoundTag, findTags, trimEndWhere } from './scan-text.js';
import { fixSpelling } from './spelling.js';
import { withTildeAsComma } from './tilde-after-word.js';
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
   * HTML entities are NOT decoded here: the chat edge decodes them once, so `&lt;` here is what the
   * user typed.
   */
  readonly text: string;
  readonly mentions: readonly FoundMention[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]+/g;
const LINE_BREAKS = /(?:\r\n?|[\u0085\u2028\u2029])+/g;
const WIDE_SPACES = /[\u00A0\u2007\u202F]+/g;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+/g;
const SPACE_TO_COLLAPSE = /[^\S ]\s*|\s{2,}/g;
/** Most `<at>` tags resolved per message; Teams sends far fewer, and each costs a lookup. */
const MAX_MENTION_TAGS = 50;
const TEAMS_HTML_START = /^\s*<(?:p|div)(?:\s[^>]{0,500})?>/i;
const HREF = /href\s*=\s*["']([^"'<>]{1,4000})["']/i;
const DROPPED_OPEN = new Set(['p', 'div', 'span', 'strong', 'b', 'em', 'i', 'u', 's']);
const DROPPED_CLOSE = new Set(['span', 'strong', 'b', 'em', 'i', 'u', 's']);
const MAX_TAG_LENGTH = 6_100;
const MAX_LINK_TEXT = 4_000;
const MAX_AT_ATTRS = 200;
const MAX_AT_TEXT = 300;
/** How people address the bot in text ("@bot", "@Confluence Assistant" typed, not a real mention). */
const BOT_HANDLE = '@(?:confluence[ _-]?assistant|confluence[ _-]?bot|confluence|assistant|bot)';
/**
 * Emoji and the joiners and modifiers they are built from; not ©, ® and ™, which are marks of text ("use the ®
 * symbol on first mention" is text for a page).
 */
export const EMOJI = /(?![©®™])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F|\u20E3/gu;
/** A Slack emoji shortcode typed or sent as text (":eyes:", ":+1:", ":thumbsup::skin-tone-2:"). */
const SHORTCODES = /^(?::[a-z0-9_+'-]{1,40}:)+[.,!?]*$/i;
const BOT_WORD = new RegExp(`^${BOT_HANDLE}\\b[,:;.!?]*$`, 'i');
/** A command verb: residue right after it ("search :mag: travel policy") is dropped, not a full stop. */
const VERB_BEFORE =
  /^(?:search|find|open|show|get|look|lookup|add|append|create|make|update|edit|check|read|view|see)$/i;
/** A word after which page text may follow ("append:", a quote): chat residue is not looked for past it. */
const TEXT_MAY_FOLLOW = /["“‘«„]|[\p{L}\p{N}]:$/u;

/**
 * One line ready for command matching: invisible formatting characters (zero-width, bidi marks, soft
 * hyphens) removed, runs of whitespace collapsed to one space, trimmed. Entities are left as they
 * are (the edge decoded them already; decoding again would turn a typed `&lt;b&gt;` into `<b>`).
 */
export function cleanLine(line: string): string {
  return plainSpaces(line).replace(INVISIBLE, '').replace(SPACE_TO_COLLAPSE, ' ').trim();
}

/** "the the": an article typed twice (predictive text, a slip), up to where page text may start. */
const DOUBLED_THE = /\b(the)\s+the\b/gi;
/** Where text for a page may start on a command line: a colon, or a quote. */
const PAGE_TEXT_START = /[:"“'‘]/;

/**
 * `text` with an article typed twice ("change the the title") said once on its first line, before any
 * colon or quote: page text after them is the user's own and stays as typed. One pass: linear.
 */
export function withoutDoubledThe(text: string): string {
  const newline = text.indexOf('\n');
  const lineEnd = newline < 0 ? text.length : newline;
  const start = Math.min(PAGE_TEXT_START.exec(text)?.index ?? lineEnd, lineEnd);
  return text.slice(0, start).replace(DOUBLED_THE, '$1') + text.slice(start);
}

/*
 * The patterns above match whole runs, not single characters: a message of 28,000 no-break spaces or
 * control characters is then one match instead of 28,000, each of which costs a replacement call.
 */
function plainSpaces(text: string): string {
  return text.replace(WIDE_SPACES, (run) => ' '.repeat(run.length));
}

function unixLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, (run) => '\n'.repeat(run.length - (run.split('\r\n').length - 1)));
}

function hasPlainAttrs(tag: FoundTag, max: number): boolean {
  return tag.attrs.length === 0 || (tag.attrs.length <= max && /^\s/.test(tag.attrs));
}

/** The `<a href>…</a>` link starting at `tags[index]`: its URL and the closing tag's index. */
function linkAt(
  text: string,
  tags: readonly FoundTag[],
  index: number,
): { url: string; close: number } | undefined {
  const open = tags[index]!;
  const close = tags[index + 1];
  if (open.closing || open.name !== 'a' || !/^\s/.test(open.attrs)) return undefined;
  if (!close?.closing || close.name !== 'a' || close.attrs.length > 0) return undefined;
  if (close.start - open.end > MAX_LINK_TEXT || text.indexOf('<', open.end) !== close.start) return undefined;
  const href = HREF.exec(open.attrs);
  return href ? { url: href[1]!, close: index + 1 } : undefined;
}

/**
 * Teams' HTML form to lines, in one pass over the tags: links become their URL, `<br>` and the end of
 * a paragraph become line breaks, formatting tags disappear, anything else stays as written.
 */
function convertTeamsHtml(text: string): string {
  if (!TEAMS_HTML_START.test(text)) return text;
  const tags = findTags(text, MAX_TAG_LENGTH);
  let out = '';
  let from = 0;
  for (let i = 0; i < tags.length; i += 1) {
    const tag = tags[i]!;
    if (tag.start < from) continue;
    const link = linkAt(text, tags, i);
    let replacement: string | undefined;
    let end = tag.end;
    if (link) {
      replacement = link.url;
      end = tags[link.close]!.end;
      i = link.close;
    } else if (!tag.closing && tag.name === 'br' && /^\s*\/?$/.test(tag.attrs)) {
      replacement = '\n';
    } else if (tag.closing && (tag.name === 'p' || tag.name === 'div') && tag.attrs.length === 0) {
      replacement = '\n';
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end += 1;
    } else if (!tag.closing && DROPPED_OPEN.has(tag.name) && hasPlainAttrs(tag, 500)) {
      replacement = '';
    } else if (tag.closing && DROPPED_CLOSE.has(tag.name) && tag.attrs.length === 0) {
      replacement = '';
    }
    if (replacement === undefined) continue;
    out += text.slice(from, tag.start) + replacement;
    from = end;
  }
  return trimEndWhere(out + text.slice(from), (char) => char === '\n');
}

/**
 * Replaces each `<at>Name</at>` (no `<` inside, bounded lengths) with what `replace` returns for its
 * inner text; after {@link MAX_MENTION_TAGS} tags the rest stay as written.
 */
function replaceAtTags(text: string, replace: (inner: string) => string): string {
  if (!/<at/i.test(text)) return text;
  const tags = findTags(text, MAX_AT_ATTRS + 10);
  let out = '';
  let from = 0;
  let replaced = 0;
  for (let i = 0; i + 1 < tags.length && replaced < MAX_MENTION_TAGS; i += 1) {
    const open = tags[i]!;
    const close = tags[i + 1]!;
    if (open.closing || open.name !== 'at' || !hasPlainAttrs(open, MAX_AT_ATTRS + 1)) continue;
    if (!close.closing || close.name !== 'at' || close.attrs.length > 0) continue;
    if (close.start - open.end > MAX_AT_TEXT || text.indexOf('<', open.end) !== close.start) continue;
    out += text.slice(from, open.start) + replace(text.slice(open.end, close.start));
    from = close.end;
    i += 1;
    replaced += 1;
  }
  return out + text.slice(from);
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
  let text = plainSpaces(convertTeamsHtml(unixLineBreaks(raw).replace(CONTROL, '')));
  const unused = mentions.map((m) => ({
    id: m.id,
    tagKey: mentionKey(innerOfTag(m.text)),
    nameKey: mentionKey(m.name),
    used: false,
  }));
  const found: FoundMention[] = [];
  text = replaceAtTags(text, (inner) => {
    const name = cleanLine(inner);
    const key = name.toLowerCase();
    const match =
      unused.find((m) => !m.used && m.tagKey === key) ?? unused.find((m) => !m.used && m.nameKey === key);
    if (match) match.used = true;
    found.push(match ? { name, id: match.id } : { name });
    return `${MENTION_OPEN}${found.length - 1}${MENTION_CLOSE}`;
  });
  text = withTildeAsComma(text.replace(/^[\s\u200B-\u200F\uFEFF]+/, ''));
  const leading = new RegExp(`^${MENTION_OPEN}(\\d+)${MENTION_CLOSE}(?:[\\s,]|:(?![\\w+-]+:))*`).exec(text);
  if (leading && found[Number(leading[1])]?.id === undefined) {
    text = text.slice(leading[0].length);
  } else {
    // "@bot: …" loses its colon, "@bot :wave: …" keeps the shortcode whole (it is residue, dropped later).
    text = text.replace(new RegExp(`^${BOT_HANDLE}\\b(?:[\\s,]|:(?![\\w+-]+:))*`, 'i'), '');
  }
  return { text, mentions: found };
}

/** An emoticon typed as text (":)", ";-)", ":D", "xD", "^^", "<3"): chat residue like an emoji. */
const EMOTICON_WORD = /^(?:[:;]['-]?[)(\][DPpOo3/|*]+|\([:;]|[xX]D+|\^_*\^|<3+)$/;

/** The bot addressed by name at the start of a line, then a comma or colon ("bot, …", "Confluence bot: …"). */
const BOT_ADDRESSED = /^(?:bot|assistant|confluence[ _-]?(?:bot|assistant))[,:!] +/i;
/** The bot's handle typed in two words ("@Confluence Assistant") among the first few words of a line. */
const SPLIT_HANDLE_NEAR_START = /^((?:\S+ ){0,6}?)@confluence[ _-](assistant|bot)\b/i;
/** Greeting words before a lead-in ("hey, quick one: …"). */
const GREETING_BEFORE_LEAD_IN = /^(?:hi+|hey+|hello|yo|morning|ok|okay|so)[,!.]*$/i;
/** What announces a request before a colon ("quick one:", "one more thing:", "question:"): no page text follows it. */
const LEAD_IN_COLON =
  /^(?:a )?(?:quick (?:one|q|question|request|thing)|one more(?: thing| question)?|another (?:one|thing|question)|(?:last|final) (?:one|thing|question)|question|q|request)\s*:$/i;

/** True when `words` (up to and including a word ending in ":") are a lead-in, after greeting words. */
function isLeadInColon(words: readonly string[]): boolean {
  if (words.length > 6) return false;
  let first = 0;
  while (first < words.length - 1 && GREETING_BEFORE_LEAD_IN.test(words[first]!)) first += 1;
  return LEAD_IN_COLON.test(words.slice(first).join(' '));
}

function isResidue(word: string): boolean {
  return (
    SHORTCODES.test(word) ||
    BOT_WORD.test(word) ||
    EMOTICON_WORD.test(word) ||
    word.replace(EMOJI, '').length === 0
  );
}

/**
 * One command line without chat residue: Slack shortcodes (":eyes:", ":pray:"), emoji and a leftover
 * "@bot" anywhere among the command words. Residue between words becomes " . " (it ends a bit of
 * small talk the way a full stop does: "hey 👋 can you …"), except right after a command verb;
 * residue at the end goes. Words after the
 * first quote or "word:" may be page text and are kept as typed (but for residue at the very end of a
 * line with no write's verb). Then the command words typed wrong
 * are corrected (`fixSpelling`: "cna you serach teh ENG sapce"). Linear: one pass over the words.
 */
export function dropChatResidue(typed: string): string {
  // "- @Confluence Assistant search …", "hey team - @Confluence Bot …": the handle typed in two words is one word of residue.
  const line = typed.replace(SPLIT_HANDLE_NEAR_START, '$1@Confluence$2');
  // "bot, …", "assistant: …": the bot addressed by name first, without "@", is not part of the request.
  const addressed = BOT_ADDRESSED.exec(line);
  return dropResidue(
    withoutAddress(addressed && addressed[0].length < line.length ? line.slice(addressed[0].length) : line),
    true,
  );
}

/** People or a group mentioned as Slack delivers them ("@priya", "@U024BE7LH", "@here"), or a list bullet ("•", "1."). */
const ADDRESS_WORD = /^(?:@[\p{L}\p{N}._-]{1,40}[,:]?|[•◦‣⁃∙·●○■□►▸➤→]|\d{1,2}[.)])$/u;
const MENTION_WORD = /^@[\p{L}\p{N}._-]{1,40}[,.!]?$/u;
/** What puts people in copy after a request ("cc @sam", "/cc @lee @ana", "fyi @ops"). */
const COPY_WORD = /^(?:\/?cc:?|fyi|\+)$/i;
/** A write's verb: then what follows a quote or a "word:" may be text for a page. */
const WRITE_VERB =
  /\b(?:add|append|prepend|put|write|insert|update|edit|change|replace|rename|create|make|post|note|draft)\b/i;
/** Address words read at the start or the end at most (bounded work). */
const MAX_ADDRESS_WORDS = 6;

/**
 * A command line without whom it is addressed to besides the bot: mentions and a list bullet first
 * ("@priya  open X", "• search for Y"), people put in copy at the end ("… cc @sam @lee"). The request
 * is what is left; a line with text for a page keeps its end as typed.
 */
function withoutAddress(line: string): string {
  if (!/[@•◦‣⁃∙·●○■□►▸➤→]|^\d/u.test(line)) return line;
  const words = line.split(' ').filter((word) => word.length > 0);
  let first = 0;
  while (first < Math.min(words.length - 1, MAX_ADDRESS_WORDS) && ADDRESS_WORD.test(words[first]!))
    first += 1;
  let end = words.length;
  // After a write's "word:" or quote the end may be the page's text; a read's "cc @sam" is never its name.
  if (!WRITE_VERB.test(line) || !words.some((word) => TEXT_MAY_FOLLOW.test(word))) {
    let at = end;
    while (at > first + 2 && end - at < MAX_ADDRESS_WORDS && MENTION_WORD.test(words[at - 1]!)) at -= 1;
    if (at < end && COPY_WORD.test(words[at - 1]!)) end = at - 1;
  }
  return first === 0 && end === words.length ? line : words.slice(first, end).join(' ');
}

/** {@link dropChatResidue} after the address; a lead-in is looked for once (`leadIn`), so the work stays linear. */
function dropResidue(line: string, leadIn: boolean): string {
  const words = line.split(' ');
  let stop = words.findIndex((word) => !isResidue(word) && TEXT_MAY_FOLLOW.test(word));
  // "quick one: <request>": the request after a lead-in is read as a line of its own.
  if (leadIn && stop >= 0 && isLeadInColon(words.slice(0, stop + 1)))
    return `${words.slice(0, stop + 1).join(' ')} ${dropResidue(words.slice(stop + 1).join(' '), false)}`.trim();
  if (stop < 0) stop = words.length;
  // "bring up Customer Meeting Notes: Contoso :eyes:": with no write's verb no page text follows the
  // colon or quote, so residue at the end goes there too.
  let end = words.length;
  if (stop < end && !WRITE_VERB.test(line))
    while (end > stop + 1 && words.length - end < MAX_ADDRESS_WORDS && isResidue(words[end - 1]!)) end -= 1;
  let lastKept = -1;
  for (let i = 0; i < stop; i += 1) if (!isResidue(words[i]!)) lastKept = i;
  const out: string[] = [];
  for (let i = 0; i < end; i += 1) {
    const word = words[i]!;
    if (i >= stop) out.push(word);
    else if (!isResidue(word)) out.push(word.replace(EMOJI, ' '));
    else if (
      out.length > 0 &&
      i < lastKept &&
      !BOT_WORD.test(word) &&
      word.length > 0 &&
      !VERB_BEFORE.test(out.at(-1) ?? '')
    )
      out.push('.');
  }
  return fixSpelling(out.join(' ').replace(/ {2,}/g, ' ').trim());
}

/** Replaces mention placeholders in `text` with the mentioned people's display names. */
export function showMentions(text: string, mentions: readonly FoundMention[]): string {
  if (!text.includes(MENTION_OPEN)) return text;
  return text.replace(
    new RegExp(`${MENTION_OPEN}(\\d+)${MENTION_CLOSE}`, 'g'),
    (_whole, index: string) => mentions[Number(index)]?.name ?? '',
  );
}
