/**
 * Slack mrkdwn escaping: text, links and code made safe to show. Everything else that writes mrkdwn
 * (conversion, clipping, tables) builds on these. Each function is one left-to-right pass.
 */

/** Zero-width space: breaks a run of three backticks that would end a code block early. */
export const ZWSP = '\u200b';
/** The mrkdwn code-block fence. */
export const FENCE = '```';

/**
 * Escapes the three characters Slack treats as markup in any text: `&`, `<`, `>`. Text passed
 * through it can never form a link, a user or channel mention or a broadcast (`<!here>`,
 * `<!channel>`, `<@U123>` are shown literally).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** True for an absolute `http://` or `https://` URL without whitespace or control characters. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/./i.test(url)) return false;
  for (let i = 0; i < url.length; i += 1)
    if (url.charCodeAt(i) <= 32 || url.charCodeAt(i) === 127) return false;
  return true;
}

/** A URL made safe inside `<…|…>`: the characters that would end or split the link percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[&<>|]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '%3C' : c === '>' ? '%3E' : '%7C'));
}

/** A link label: escaped, on one line, with `|` replaced by a look-alike (`∣`) so it cannot split the link. */
function linkLabel(label: string): string {
  return escapeMrkdwn(label.replace(/[\r\n]+/g, ' ').replaceAll('|', '∣'));
}

/**
 * A mrkdwn link `<url|label>` when `url` is an http(s) URL; otherwise the escaped label alone (a
 * `javascript:` or relative URL never becomes a link). An empty label shows the URL.
 */
export function linkMrkdwn(url: string, label: string): string {
  const text = label.trim() === '' ? url : label;
  if (!isHttpUrl(url)) return linkLabel(text);
  return `<${linkTarget(url)}|${linkLabel(text)}>`;
}

/** Escaped text for inside a ``` block: `&<>` escaped and no run of three backticks left. */
export function codeText(text: string): string {
  return escapeMrkdwn(text).replaceAll(FENCE, `\`${ZWSP}\`${ZWSP}\``);
}

/** Lines as one ``` code block (each line escaped with {@link codeText}). */
export function codeBlock(lines: readonly string[]): string {
  return `${FENCE}\n${lines.map(codeText).join('\n')}\n${FENCE}`;
}
