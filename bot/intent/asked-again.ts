/**
 * A read asked again after a break at the end of what names the page or topic ("the Contract
 * Templates, kindly open", "Expense Policy - open pls", "kafka lag, can u search it?"): only courtesy,
 * a read's verb and pronouns for what came before, so no part of the name. Kept as data; one pass over
 * the words of a short clause.
 */

/** Verbs of reading or finding that the clause asks again. */
const READ_VERBS = new Set(
  'open opne opn show pull bring get view display see send share search find'.split(' '),
);
/** Other words such a clause may hold: courtesy, asking words, pronouns and particles. */
const ASKING_WORDS = new Set(
  (
    'can could would will pls please plz kindly just you u ya it this that them one me us for to up now ' +
    'again thanks thx ty cheers asap quickly quick'
  ).split(' '),
);
/** Most words read in such a clause. */
const MAX_WORDS = 8;

/** True when `clause` only asks again for a read ("kindly open", "can you open it pls"), with a read's verb in it. */
export function isReadAskedAgain(clause: string): boolean {
  const words = clause.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  let verb = false;
  for (const word of words) {
    if (READ_VERBS.has(word)) verb = true;
    else if (!ASKING_WORDS.has(word)) return false;
  }
  return verb;
}

/** "…, can you open?", "… - pls open", "…, could u pull up?": a read asked at the end with no object. */
const BARE_READ_AT_END =
  /((?:[,.!?;:]|\s[-–—])\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:(?:please|pls|plz|kindly)\s+)?(?:open|show|pull\s+up|bring\s+up))([\s?!.]*)$/i;

/**
 * "… I'd like to read it", "… can I see it?", "… I need to check it": the asker's wish to read what the
 * sentence before named, said as a read of it.
 */
const WISH_TO_READ_IT =
  /([,.!?;:]|\s[-–—])\s*(?:(?:i'?d|i\s+would)\s+(?:like|love)|i\s+(?:want|need|wanna|have)|(?:can|could|may)\s+i|let\s+me)\s+(?:to\s+)?(?:read|see|check|look\s+at|go\s+through|have\s+a\s+look\s+at)\s+it([\s?!.]*)$/i;

/**
 * `line` with "it" after a read asked at its end with no object ("…, can you open?" → "…, can you open
 * it?"), and a wish to read "it" said as a read of it ("… I'd like to read it" → "… can you open it");
 * else unchanged.
 */
export function withPronounAfterBareRead(line: string): string {
  if (line.length > 600) return line;
  return line.replace(BARE_READ_AT_END, '$1 it$2').replace(WISH_TO_READ_IT, '$1 can you open it$2');
}
