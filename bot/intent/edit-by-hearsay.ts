/*
 * An edit whose change is only said to be somewhere else ("update it w/ the new numbers", "please update
 * the same as discussed with Ravi", "can you update it the way Marta said in standup", "update the X page
 * the same way as last time"): the bot is told where the change was agreed, never what it is, so nothing
 * can be written and the request is not understood (rather than asking for the edit as if the page were the
 * question). Read only for an update the parser could not finish (a failure); quotes or a colon give text
 * and are never read this way. The verbs and the pointing words are data; every run is bounded.
 */

/** Asking words before the verb ("can you", "please", "could u pls"). */
const ASKING = String.raw`(?:(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz|kindly|just)\s+)*`;

/** Verbs of an edit of an existing page. */
const EDIT_VERBS = [
  'update',
  'updt',
  'edit',
  'change',
  'fix',
  'correct',
  'amend',
  'modify',
  'adjust',
  'tweak',
];

/**
 * Where the change is said to be instead of given: "w/ the new …", "the way X said", "the same (way) as …",
 * "as (we) discussed / agreed / (X) said", "like X said", "per / according to / based on …".
 */
const ELSEWHERE = String.raw`(?:w\/\s*(?:the|those|these|my|our)\s|the\s+way\s|(?:the\s+)?same(?:\s+way)?(?:\s+as\b|$)|(?:just\s+)?as\s+(?:(?:we|you|u|i|they|he|she|\p{Lu}\p{Ll}+)\s+)?(?:discussed|agreed|said|mentioned|asked|decided|wanted|planned|suggested|requested)\b|like\s+(?:we|you|u|i|they|he|she|\p{Lu}\p{Ll}+)\s+(?:said|mentioned|asked|suggested|wanted)\b|(?:as\s+)?per\s|according\s+to\s|based\s+on\s)`;

/** The object pointed at: a pronoun, "the same", or a few words of a page (no quote, no colon). */
const OBJECT = String.raw`(?:(?:it|that|this|them)\s+|(?=(?:the\s+)?same\b)|(?:the\s+|that\s+|this\s+|our\s+)?[^\s"“”'‘’:]+(?:\s+[^\s"“”'‘’:]+){0,5}?\s+)`;

const HEARSAY_EDIT = new RegExp(`^${ASKING}(?:${EDIT_VERBS.join('|')})\\s+${OBJECT}${ELSEWHERE}`, 'iu');

/** Most characters of a line read this way (a chat line; bounded work). */
const MAX_LINE = 200;

/** True for an edit whose change is only said to be elsewhere (see {@link HEARSAY_EDIT}); quotes or a colon never. */
export function isEditByHearsay(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_LINE || /["“”:]/.test(text)) return false;
  return HEARSAY_EDIT.test(text);
}
