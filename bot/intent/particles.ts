/**
 * Discourse particles that only set the tone of what is said, after a greeting or a request ("Good
 * morning o!", "thanks ehn", "search the rota lah", "open it po"): Nigerian, Singapore, Indian and
 * Filipino English. Never a topic word, so a search or a greeting reads the same without them. Kept
 * as data; each is matched as a whole word only.
 */
export const PARTICLES: readonly string[] = [
  'o',
  'oo',
  'ooo',
  'sha',
  'ehn',
  'abeg',
  'biko',
  'lah',
  'leh',
  'lor',
  'ah',
  'hor',
  'mah',
  'meh',
  'sia',
  'po',
  'yaar',
  'ji',
  'na',
  'jare',
];

/** The particles as a regular-expression alternation (whole words are for the caller to anchor). */
export const PARTICLE = `(?:${PARTICLES.join('|')})`;
