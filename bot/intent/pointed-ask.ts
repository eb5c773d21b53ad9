import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';

/**
 * A short question that only points ("and that one?", "what about this?", "and the other page?", "this
 * one too?"): nothing is named, so there is nothing to answer or search, whatever the question mark says.
 * "and for contractors?" names someone and stays a question.
 */

/** Leads of such a question ("and", "what about", "how about", "or", "but"). */
const LEAD = /^(?:(?:and|or|but|also|so|ok|okay|hmm|then)[\s,]+)*(?:(?:what|how)\s+about\s+)?/i;
/** Words of a question that only points (kept as data). */
const POINTING_WORDS = new Set(
  'this that these those it one ones the other same page pages doc docs link thing too also then as well again here there'.split(
    ' ',
  ),
);
/** A word that points at something earlier. */
const POINTER = /^(?:this|that|these|those|other|same)$/;
/** Most words such a question has after its lead. */
const MAX_WORDS = 6;

/** True for a short question that only points at something earlier (see above). */
export function isPointedAsk(line: string): boolean {
  if (line.length > 80 || !/\?\s*$/.test(line)) return false;
  const words = line
    .replace(LEAD, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return words.every((word) => POINTING_WORDS.has(word)) && words.some((word) => POINTER.test(word));
}

/** A yes said first ("yes open it", "yeah pull it up"): a reply to something earlier. */
const YES_LEAD = /^(?:yes|yeah|yea|yep|yup|ya|sure|aye)\b[\s,!.]*/i;
/** Read verbs and their small words, in a reply that only points ("open it", "pull it up for me"). Kept as data. */
const READ_WORDS = new Set('open show get read view see pull bring up me for pls please plz'.split(' '));
/** A word that points, in a reply ("it" too). */
const REPLY_POINTER = /^(?:it|this|that|these|those|them)$/;

/** True for a yes, then a read of what is only pointed at ("yes open it", "yeah pull it up"): nothing named. */
export function isPointedReply(line: string): boolean {
  const yes = YES_LEAD.exec(line);
  if (!yes || line.length > 60) return false;
  const words = line
    .slice(yes[0].length)
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const known = words.every((word) => READ_WORDS.has(word) || POINTING_WORDS.has(word));
  return known && words.some((word) => REPLY_POINTER.test(word));
}

/**
 * Words of a question about a result or page only pointed at ("is this the right one?", "which one?", "you
 * know the one I mean?"): asking and pointing words and a few verbs that name nothing. A word that names
 * something ("is it free?") keeps it a question. Kept as data.
 */
const POINTED_QUESTION_WORDS = wordSet(
  'one ones thing stuff again say says said mean meant right correct wrong latest newest current version ' +
    'manage managed find found happen happened talk talked tell remind know knew about in inside',
);
/**
 * "one": a result or page pointed at. Without it ("what does that mean?", "where is it?") the question is
 * about the last answer and stays a question.
 */
const POINTED = /^(?:one|ones)$/;
/** Most words such a question has. */
const MAX_POINTED_QUESTION_WORDS = 8;

/** True for a short question whose words only ask and point at "one" (see {@link POINTED_QUESTION_WORDS}). */
export function isPointingQuestion(line: string): boolean {
  if (line.length > 80 || !/\?\s*$/.test(line)) return false;
  const words = closedWordsOf(line);
  if (words.length > MAX_POINTED_QUESTION_WORDS) return false;
  return (
    allWordsFrom(words, FUNCTION_WORDS, POINTED_QUESTION_WORDS) && words.some((word) => POINTED.test(word))
  );
}
