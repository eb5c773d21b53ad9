/*
 * An edit of "it" asked after a sentence that named the page ("The Meeting Notes 2025-03-04 page has a mystery
 * title … would be great if you could rename it to "…"", "I just noticed the Paid Time Off page still says 25
 * days … could you replace "25 days" with "27 days" on it? HR confirmed"): "it" is the page named before, so
 * the edit is read with that page in its place. Only "the <Title in capitals> page" named once before, an edit
 * verb asked for after it, and "it" as the edit's page; the ask runs to its question mark or the end of the
 * line. Every run is bounded; the rewritten ask is read once by the caller.
 */

/**
 * "the Paid Time Off page": a title in capitals (small words between), then "page" or "doc", or what it
 * says said right after it ("the VPN Setup Guide still mentions vpn1 …").
 */
const NAMED_PAGE =
  /\b(?:[Tt]he|[Oo]ur)\s+((?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.:-]*)(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.:-]*|of|and|&|for|the|to|at)){0,7})\s+(?:(?:page|doc|document)\b|(?=(?:still\s+|currently\s+)?(?:says|mentions|lists|shows|refers|points|is\s+(?:out\s+of\s+date|outdated|wrong))\b))/u;

/** The ask of an edit after it ("could you rename it …", "if you could replace …", "pls add …"). */
const EDIT_ASKED =
  /(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?|(?:you|u)\s+(?:could|can|would)\s+(?:please\s+|just\s+)?|(?:please|pls|plz|kindly)\s+)(?=(?:rename|retitle|replace|change|swap|add|append|put|write|update)\s)/giu;

/** "it" as the page the edit is on or of ("rename it to", "on it", "to it", "in it"). */
const IT_AS_PAGE = /^((?:rename|retitle)\s+)it(?=\s+(?:to|as)\s)|\s(on|to|in|into|of)\s+it(?=[\s?!.,]|$)/iu;

/** Most characters read (a chat line; bounded work). */
const MAX_LINE = 600;

/** The ask rewritten with the page named before in place of "it", or `undefined`. */
export function editOfPageNamedBefore(line: string): string | undefined {
  const text = line.slice(0, MAX_LINE);
  const named = NAMED_PAGE.exec(text);
  if (!named) return undefined;
  let ask: RegExpExecArray | undefined;
  for (const match of text.matchAll(EDIT_ASKED)) if (match.index > named.index) ask = match;
  if (!ask) return undefined;
  const from = ask.index + ask[0].length;
  const mark = text.indexOf('?', from);
  const clause = text.slice(from, mark < 0 ? text.length : mark).trim();
  const page = `the ${named[1]} page`;
  const it = IT_AS_PAGE.exec(clause);
  if (!it) return undefined;
  const rewritten = it[1] !== undefined ? `${it[1]}${page}` : ` ${it[2]} ${page}`;
  return `${clause.slice(0, it.index)}${rewritten}${clause.slice(it.index + it[0].length)}`;
}
