/**
 * The page a lead-in names before "… can you open it?" when it names it without "the": "there's a page
 * called Feature Flags in ENG", "there should be a Laptop Setup page somewhere", "a doc named Team
 * Rituals", "someone mentioned Team Rituals." (a title in capitals ending the lead). The pronoun of the
 * closing request stands for it. Bounded: one match on a short lead.
 */

/** "page called X", "doc named X": the name runs to the clause's end. */
const CALLED_PAGE =
  /\b(?:page|doc|document|article)\s+(?:called|named|titled)\s+([^,.!?;"“]{1,120}?)(?=\s*(?:[,.!?;]|\s[-–—]\s|$))/i;
/** "a Laptop Setup page", "an Incident Runbooks doc": a name in capitals between "a" and a page noun. */
const A_TITLE_PAGE =
  /\ban?\s+((?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*\s+(?:(?:and|of|for|&)\s+)?){1,6})(?:page|doc|document)\b/u;
/**
 * "… someone mentioned Team Rituals.", "… said to check Local Development Setup": a title in capitals (two
 * words or more) ending the lead, after a verb of pointing at or reading something (a person met "with"
 * is no page). Kept as data.
 */
const TITLE_AT_END =
  /\s(?:mentioned|recommended|suggested|shared|linked|sent|check|read|see|review|about|called|named|at|through|over)\s+((?:\p{Lu}[\p{L}\p{N}&'’.-]*)(?:\s+(?:(?:and|of|for|&|to|in|at)\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*){1,6})[\s.!?,;:]*$/u;
/** Longest lead read. */
const MAX_LEAD = 300;

/** "the page called X" or "the X page" for a page the lead names without "the" (see the module comment), or `undefined`. */
export function pageNamedWithoutThe(lead: string): string | undefined {
  if (lead.length > MAX_LEAD) return undefined;
  const called = CALLED_PAGE.exec(lead);
  if (called) return `the page called ${called[1]!.trim()}`;
  const titled = A_TITLE_PAGE.exec(lead);
  if (titled) return `the ${titled[1]!.trim()} page`;
  const last = TITLE_AT_END.exec(lead.slice(-120));
  return last ? `the ${last[1]!.replace(/[.]+$/, '')}` : undefined;
}

/** "the current X", "the latest X": how fresh, said between the article and a title. */
const FRESH_AFTER_ARTICLE =
  /^((?:the|our)\s+)(?:current|latest|newest|updated|official|whole|full)\s+(?=\p{Lu})/u;

/** `clause` without a freshness word after its article ("the current Wi-Fi and Printers page" → "the Wi-Fi and Printers page"). */
export function withoutFreshness(clause: string): string {
  return clause.replace(FRESH_AFTER_ARTICLE, '$1');
}
