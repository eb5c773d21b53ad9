/*
 * A page named first, then "add" typed short or followed by a dash instead of a colon ("laptop setup pls ad:
 * install 1password", "new hire checklist ad - payroll account", "Onboarding pls add - bring ID"): read as
 * the page-first append it is ("<page> add: <text>"). Only a few plain words of a page before the verb, no
 * asking words first; the run is bounded.
 */

/** Words that start an ask or a read, never a page's first word ("can you ad: …" is not a page). */
const NOT_A_PAGE_START =
  /^(?:can|could|would|will|pls|plz|please|kindly|i|we|you|u|search|find|open|show|add|ad)\b/i;

/**
 * One to six words of a page (letters, digits, "&", "-", "'", "."), "pls" or "please" maybe, then "ad" or
 * "add", then a colon or a dash before the text ("ad:", "ad -", "add –").
 */
const PAGE_THEN_ADD =
  /^([\p{L}\p{N}][\p{L}\p{N}&'’.-]*(?:\s+[\p{L}\p{N}&'’.-]+){0,5}?)\s+(?:(?:pls|plz|please)\s+)?(?:ad|add)(?:\s*:|\s+[-–—])\s*(?=\S)/iu;

/** The line as "<page> add: <text>" when it names a page, then "ad"/"add" with a colon or dash; else `undefined`. */
export function addAfterPage(core: string): string | undefined {
  const match = PAGE_THEN_ADD.exec(core);
  if (!match || NOT_A_PAGE_START.test(match[1]!)) return undefined;
  return `${match[1]} add: ${core.slice(match[0].length)}`;
}
