/**
 * A model's words made safe to post under the bot's name. The model read untrusted page text, so
 * its output may carry a phishing link, an image, HTML, a Slack `<!channel>` or a fake mention:
 * none of that may render. Links lose their targets (label kept), angle brackets become look-alike
 * quotes, bare URLs are shown as code (not clickable), and the text becomes one paragraph.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control and invisible characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const MARKDOWN_LINK = /!?\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s'‹›]+/gi;

/** One safe paragraph of plain text (Markdown emphasis may remain; it cannot act). */
export function neutralizeModelText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(MARKDOWN_LINK, '$1')
    .replace(/`/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(BARE_URL, (url) => `\`${url}\``)
    .replace(/\s+/g, ' ')
    .trim();
}
