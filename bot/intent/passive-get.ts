/**
 * "can I get reimbursed for …", "do we get paid for …", "will I get promoted …": "get" with a past
 * participle says what happens to the asker, so it asks a question; it never names a page to read
 * ("can I get the expense policy" does). Regular participles end in "-ed" (not "-eed": "get feed");
 * the irregular ones people ask about are kept as data.
 */
const IRREGULAR_PARTICIPLES = [
  'paid',
  'sent',
  'given',
  'taken',
  'told',
  'made',
  'done',
  'seen',
  'known',
  'hurt',
  'fired',
  'laid',
  'let',
  'kept',
  'put',
  'held',
  'bought',
  'brought',
  'caught',
  'chosen',
  'shown',
  'stuck',
  'left',
  'hit',
  'overpaid',
  'underpaid',
  'repaid',
];

/** Nouns a participle starts ("paid time off", "paid leave"): then the words name a topic, not what happens. */
const PARTICIPLE_NOUNS = ['time', 'leave', 'holiday', 'holidays', 'vacation', 'parental', 'sick'];

/** "get" (or "got", "be") then a past participle, as a regular-expression fragment (anchor it yourself). */
export const GET_PARTICIPLE = `(?:get|got|be)\\s+(?:[a-z]{2,}[a-df-z]ed|${IRREGULAR_PARTICIPLES.join('|')})\\b(?!\\s+(?:${PARTICIPLE_NOUNS.join('|')})\\b)`;
