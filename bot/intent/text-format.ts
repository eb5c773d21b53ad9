/**
 * How the added text should look, said between the verb and the text or the page ("write in bold:
 * hello to the Office Guide", "add as a bullet to the checklist: …", "add on a new line to page 12:
 * …"). It names no page and is no part of the text; the words are kept as data.
 */
const COLOUR = '(?:red|green|blue|orange|yellow|purple|grey|gray|black)';
const LOOK = String.raw`(?:in\s+(?:bold|italics?|caps|capitals|capital\s+letters|upper\s*case|lower\s*case|${COLOUR}|big\s+letters|large\s+font|bullet\s+points?|bullets?|code\s+block|code|(?:an?\s+)?(?:new\s+|separate\s+)?(?:table|list|bulleted\s+list|numbered\s+list|code\s+block|callout|info\s+panel|panel|box|line|paragraph)|(?:a|its)\s+own\s+line)|as\s+(?:an?\s+)?(?:new\s+|separate\s+)?(?:bullet\s+point|bullet|bulleted\s+item|list\s+item|line|paragraph|table\s+row|row|callout)|on\s+(?:an?\s+|its\s+)?(?:new|separate|own|next)\s+line|with\s+(?:an?\s+)?bullets?(?:\s+points?)?|bold|italic)`;
/** The verbs after which such words come (the rules' append verbs that take text). */
const FORMAT_AFTER_VERB = new RegExp(
  String.raw`^((?:append|add|put|write|insert|post|stick|pop|jot(?:\s+down)?|note(?:\s+down)?|include)\s+(?:(?:it|this|that)\s+)?)${LOOK}(?:\s*:\s*|\s+(?=(?:to|onto|into|on|in|at|under)\s|["“‘']))(?=\S)`,
  'i',
);

/**
 * The line without the words that say how the text should look after its verb ("write in bold: hello
 * to X" → "write hello to X", "add in red to X: …" → "add to X: …"). Anchored at the start, one match.
 */
export function withoutTextFormat(core: string): string {
  const format = FORMAT_AFTER_VERB.exec(core);
  return format ? `${format[1]}${core.slice(format[0].length)}` : core;
}
