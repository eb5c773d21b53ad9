/**
 * British and American spelling, kept as data: whole words that differ, and word endings that
 * follow a pattern. `americanSpelling` applies them; matching then treats both spellings as one.
 */

/** British spellings and the American ones they are stored as (both directions match). */
export const SPELLING_VARIANTS: readonly (readonly [british: string, american: string])[] = [
  ['behaviour', 'behavior'],
  ['colour', 'color'],
  ['favourite', 'favorite'],
  ['honour', 'honor'],
  ['labour', 'labor'],
  ['centre', 'center'],
  ['licence', 'license'],
  ['cheque', 'check'],
  ['organisation', 'organization'],
  ['organise', 'organize'],
  ['authorise', 'authorize'],
  ['authorisation', 'authorization'],
  ['recognise', 'recognize'],
  ['prioritise', 'prioritize'],
  ['analyse', 'analyze'],
  ['catalogue', 'catalog'],
  ['travelling', 'traveling'],
  ['travelled', 'traveled'],
  ['traveller', 'traveler'],
  ['cancelled', 'canceled'],
  ['enrol', 'enroll'],
  ['enrolment', 'enrollment'],
  ['programme', 'program'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['judgement', 'judgment'],
  ['fulfil', 'fulfill'],
  ['instalment', 'installment'],
  ['postcode', 'zip code'],
  ['mobile', 'cell'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['aluminium', 'aluminum'],
  ['jewellery', 'jewelry'],
  ['storey', 'story'],
  ['manoeuvre', 'maneuver'],
  ['pretence', 'pretense'],
  ['plough', 'plow'],
  ['sceptical', 'skeptical'],
  ['draught', 'draft'],
  ['kerb', 'curb'],
  ['practise', 'practice'],
  ['enquiry', 'inquiry'],
  ['enquiries', 'inquiries'],
];

/**
 * British spelling patterns by word ending, each turned into the American ending (both spellings
 * then stem alike): `-isation` → `-ization`, `-ise`/`-ised`/`-ising` → `-ize…`, `-our` → `-or`,
 * `-tre`/`-bre` → `-ter`/`-ber`, `-ogue` → `-og`, `-yse` → `-yze`. Applied to question and page
 * words alike, so a word the rule bends wrongly ("promise") still matches itself.
 */
export const SPELLING_ENDINGS: readonly (readonly [british: RegExp, american: string])[] = [
  [/^(\p{L}{3,})isation(s?)$/u, '$1ization$2'],
  [/^(\p{L}{3,})is(e|es|ed|ing|er|ers)$/u, '$1iz$2'],
  [/^(\p{L}{2,}[^aeiouy])our(s|ed|ing|ite|ites|able|ful)?$/u, '$1or$2'],
  [/^(\p{L}{3,})([tb])re(s|d)?$/u, '$1$2er$3'],
  [/^(\p{L}{3,})ogue(s?)$/u, '$1og$2'],
  [/^(\p{L}{2,})yse(s|d)?$/u, '$1yze$2'],
];

/** Words the endings above must leave alone (their "British" ending is the only spelling). */
export const SPELLING_EXCEPTIONS: readonly string[] = [
  'detour',
  'contour',
  'devour',
  'paramour',
  'troubadour',
];

const WHOLE_WORDS = new Map(SPELLING_VARIANTS.map(([british, american]) => [british, american]));
const LEFT_ALONE = new Set(SPELLING_EXCEPTIONS);

/**
 * The American spelling of a lower-case word: from the word list, else by its ending (see
 * SPELLING_ENDINGS); the word itself when neither applies. Pure.
 */
export function americanSpelling(word: string): string {
  const whole = WHOLE_WORDS.get(word);
  if (whole !== undefined) return whole;
  if (LEFT_ALONE.has(word)) return word;
  for (const [british, american] of SPELLING_ENDINGS) {
    if (british.test(word)) return word.replace(british, american);
  }
  return word;
}
