/**
 * Whether the bot can do something, asked in the order of a statement with a question mark ("you can
 * edit pages too?", "u can search?", "this bot can create pages?"): read as "can you …?", so the help
 * readers that know "can you edit pages?" read it too. A line without the question mark ("you can edit
 * pages") is a statement and is left as it is.
 */

/** "you can …?", "u can also …?", "the bot can …?": who, "can", then the rest asked; bounded line. */
const YOU_CAN_FIRST =
  /^(?:(?:so|and|wait|oh)[\s,]+)?(you|u|ya|this\s+bot|the\s+bot)\s+can\s+(\S[^?]{0,120}\?)[\s?!]*$/i;

/** The line with "can" put before who can ("can you edit pages too?"), or `undefined` when it is not so asked. */
export function youCanAsked(line: string): string | undefined {
  const asked = YOU_CAN_FIRST.exec(line.trim());
  return asked ? `can ${asked[1]} ${asked[2]}` : undefined;
}
