/**
 * A message typed wholly in Slack's or Markdown's emphasis ("*i need info abt 401k, search in hr pls*",
 * "_open the vpn guide_", "**where is the NDA template?**"): the marks say how the line looks, not what
 * is asked, so the request is read without them. Only one line, only one pair of marks around all of it,
 * and none of that mark inside (a line like "*HR* and *ENG* docs" keeps its marks for the readers that
 * look at a word's marks).
 */

/** The marks a whole message may be wrapped in. Kept as data. */
const WRAPPING_MARKS = ['**', '__', '*', '_'] as const;

/** `text` without emphasis marks around the whole of it, or `text` itself. Linear. */
export function withoutWholeEmphasis(text: string): string {
  const line = text.trim();
  if (line.includes('\n')) return text;
  for (const mark of WRAPPING_MARKS) {
    if (line.length <= mark.length * 2 || !line.startsWith(mark) || !line.endsWith(mark)) continue;
    const inner = line.slice(mark.length, line.length - mark.length);
    if (inner.includes(mark[0]!) || /^\s|\s$/.test(inner)) return text;
    return inner;
  }
  return text;
}
