/**
 * Search verbs typed after the topic in Hindi/Urdu-flavoured English ("vpn search karo", "leave
 * policy dhundo"): the words are data so other spellings can be added without touching the rule.
 */

/** "do / do it (for me)" after an English verb: "search karo", "find kar do", "search kijiye". */
export const HINDI_DO: readonly string[] = [
  'karo',
  'kar\\s+do',
  'kardo',
  'kar\\s+dijiye',
  'kijiye',
  'karna',
  'karein',
  'kariye',
];

/** Verbs of looking for something on their own: "dhundo", "dhoondo", "khojo". */
export const HINDI_SEARCH: readonly string[] = [
  'dhundo',
  'dhoondo',
  'dhundho',
  'dhoondho',
  'dhundh\\s+do',
  'khojo',
  'search\\s+maro',
];
