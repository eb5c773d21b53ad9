import { MENTION_CLOSE, MENTION_OPEN } from './normalize-message.js';

/** Longest piece of the user's text quoted back in a reply (characters, before the `…`). */
export const MAX_ECHO_LENGTH = 60;

const NOT_IN_CODE = new RegExp(`[\`${MENTION_OPEN}${MENTION_CLOSE}]`, 'g');

/**
 * The user's text as a Markdown inline code span, for replies that quote it ("I am not sure what to
 * do with `…`"). A reply goes out under the bot's name, so the user's links, bold or mentions must
 * not render: backticks (which could close the span) become `'`, line breaks and runs of whitespace
 * become one space, and the text is cut to `max` characters (whole code points) with `…`.
 */
export function echoAsCode(text: string, max = MAX_ECHO_LENGTH): string {
  const flat = text
    .slice(0, max * 4)
    .replace(NOT_IN_CODE, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(flat);
  const shown = chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : flat;
  return `\`${shown.length > 0 ? shown : ' '}\``;
}
