import { readQuoted } from './read-quoted.js';

/*
 * Text for a page given in quotes, then a remark to the bot after it on the same line ("under "Equipment",
 * could you add "monitors can be expensed"? would save me a lot of DMs"): the quoted text is what is added,
 * the remark is not. Only a text that opens with a quote, closes it, and goes on after a question mark, a
 * comma, a full stop or a dash; text on the following lines is never cut. One pass.
 */

/** What may follow the closing quote before the remark: punctuation, then a space. */
const REMARK_AFTER = /^[?!.,;]*\s*(?:[-–—]+\s*)?\S/;

/** The quoted text of `markdown` when a remark follows it on the same line (see above), else `undefined`. */
export function quotedBeforeRemark(markdown: string): string | undefined {
  if (markdown.includes('\n')) return undefined;
  const quoted = readQuoted(markdown, 0);
  if (quoted?.kind !== 'quoted' || quoted.end >= markdown.length) return undefined;
  const rest = markdown.slice(quoted.end);
  return /^[?!.,;]|^\s+[-–—]/.test(rest) && REMARK_AFTER.test(rest) ? quoted.value : undefined;
}
