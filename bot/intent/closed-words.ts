/**
 * Reading a message by its vocabulary: a message is about the bot, its queue or earlier results, or
 * too vague to act on, when every word it has comes from a small closed list (what such messages are
 * made of) and none names a topic. "is my request still pending?" has no word a page could be about;
 * "is my leave request approved?" has one ("leave"), so it stays a question for the knowledge base.
 * The lists are data; each reader adds its own words to the words any message may have.
 */

/** Most words a message read this way may have: longer messages say something of their own. */
export const MAX_CLOSED_WORDS = 16;

/**
 * Words any short message may have without naming a topic: pronouns, articles, auxiliaries, asking
 * words, small prepositions, courtesy, chat spellings ("u", "r", "4"), and the pieces contractions
 * split into ("what's" → "what", "s"; "don't" → "don", "t").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those it its i me my mine myself we us our you u ya ye your yours ur they them their ' +
    'is are am was were be been being isn aren wasn weren do does did doing done don doesn didn ' +
    'have has had having haven hasn got get gets getting can could would will shall should may might must ' +
    'cannot can couldn wouldn won shouldn s t m re ll d ve not no nope to of for in on at from with by ' +
    'about as and or but so if then than now just still yet already also too again any some there here ' +
    'what which who whom whose how when where why whats wat wut wot r 4 pls plz please kindly thanks thx ty ' +
    'ok okay hey hi hello yo um umm erm er uh uhh hmm oh ooh oooh ah ahh aha lol haha well right really actually kinda sort of maybe ' +
    // contractions typed without the apostrophe ("dont", "im", "cant")
    'dont doesnt didnt cant couldnt wont wouldnt isnt arent wasnt im ive id youre ' +
    // Nigerian Pidgin: "wetin" (what)
    'wetin'
  ).split(' '),
);

/** The words of a message, lower case, split at anything but letters, digits and "#" ("what's" → what, s). */
export function closedWordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}#]+/u)
    .filter((word) => word.length > 0);
}

/** True when every word is in one of `lists` (and there are 1 to {@link MAX_CLOSED_WORDS} words). */
export function allWordsFrom(words: readonly string[], ...lists: readonly ReadonlySet<string>[]): boolean {
  if (words.length === 0 || words.length > MAX_CLOSED_WORDS) return false;
  return words.every((word) => lists.some((list) => list.has(word)));
}

/** A space-separated list of words as a set (the lists are kept as plain text, easy to extend). */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word.length > 0));
}
