/*
 * Requests in looser word orders than the command rules read: the thing first and the verb after
 * it ("the page Benefits & Perks FAQ, open it"), a few keywords with a question mark ("kafka
 * runbook?"), a definite "the …" with no verb ("the sales playbook"). Each is one bounded match.
 */

/** Longest object before a trailing verb that is moved to the front (characters). */
const MAX_OBJECT_FIRST = 300;

/**
 * "<page>, open it", "<words> - can you search for it", "<page>, you can show me it": the object
 * first, then a verb and a pronoun standing for it (non-native and chatty word order). Matched at
 * the end of the line only; the object is what comes before the comma or dash.
 */
const TRAILING_VERB =
  /(?:,|\s[-–—])\s*(?:(?:(?:can|could|would)\s+(?:you|u)|(?:you|u)\s+can)\s+)?(?:please\s+|pls\s+)?(open|show|get|find|search(?:\s+for)?|look\s+for|display|pull\s+up|bring\s+up)\s+(?:(?:me|us)\s+)?(?:it|this|that|them|one)(?:\s+(?:for\s+me|to\s+me|up))?$/i;

/** The line with a trailing "…, open it" moved to the front ("open <page>"), or `undefined`. */
export function moveTrailingVerb(core: string): string | undefined {
  const match = TRAILING_VERB.exec(core);
  if (!match || match.index === 0 || match.index > MAX_OBJECT_FIRST) return undefined;
  return `${match[1]} ${core.slice(0, match.index).trim()}`;
}

/** Most words of a keywords-and-question-mark search ("kafka runbook?"). */
const MAX_QUERY_WORDS = 4;
/**
 * Words that make a short line with a question mark a real question ("and for contractors?",
 * "is it open?"): function words, pronouns and question words.
 */
const QUESTION_WORDS = new Set(
  (
    'a an the and or but for to of in on at by with about from as if so than then what which who whom whose ' +
    'when where why how is are was were be been am do does did can could should would will shall may might ' +
    'must has have had i me my we us our you your he she it its they them their this that these those there ' +
    'not no yes any some all more less too also only just same else other'
  ).split(' '),
);

/**
 * True for a few content words with a question mark ("kafka runbook?", "PTO?"): keywords
 * typed as a question, meaning a search. `core` is the line without courtesy and punctuation.
 */
export function isKeywordQuery(line: string, core: string): boolean {
  if (!/\?\s*$/.test(line)) return false;
  const words = core.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_QUERY_WORDS) return false;
  return words.every((word) => /[\p{L}\p{N}]/u.test(word) && !QUESTION_WORDS.has(word.toLowerCase()));
}

/** "the sales playbook", "our expense policy": keywords after a definite article name one page. */
export function isDefiniteName(core: string): boolean {
  return /^(?:the|our)\s+\S/i.test(core);
}
