/**
 * Asking whether a page on a topic exists with the topic before the document noun ("is there a pricing
 * doc?", "do we have a kafka runbook?", "any onboarding docs?", "are there any release notes pages in
 * ENG?"): a search for the topic. The asking words, the nouns and the words that are no topic ("any
 * other docs?", "any new pages?") are kept as data. Bounded: a topic of at most six words.
 */

/** How the asking starts ("is there", "do we have", "got", "anyone got"); may be left out before "any". */
const ASKING = String.raw`(?:is\s+there|are\s+there|(?:do|did)\s+(?:we|you|u|ya|y'?all)\s+(?:have|got)|does\s+(?:anyone|anybody|confluence|the\s+wiki)\s+have|(?:have|'?ve)\s+(?:we|you)\s+got|(?:we|you|u)\s+(?:have|got)|(?:anyone|anybody)\s+(?:have|got)|got)`;

/** Document nouns that only say "a page": dropped from the search words. */
const PLAIN_NOUN = String.raw`docs?|documents?|documentation|pages?|info|information|stuff|material|articles?|write-?ups?|wiki\s+pages?`;
/** Document nouns that say what kind of page: kept with the topic ("kafka runbook", "meeting notes"). */
const KIND_NOUN =
  'runbooks?|guides?|notes|checklists?|templates?|playbooks?|faqs?|how-?tos?|policy|policies|process|procedures?';

/** One word of a topic (letters, digits, and the joiners titles and versions use). */
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}&'’./+-]{0,40}`;

const TOPIC_BEFORE_NOUN = new RegExp(
  String.raw`^(?:${ASKING}\s+(?:(?:any|some|a|an)\s+)?|(?:any|some)\s+)(${WORD}(?:\s${WORD}){0,5}?)\s+(?:(${PLAIN_NOUN})|(${KIND_NOUN}))(?:\s+(?:anywhere|somewhere|at\s+all|(?:in|on)\s+(?:confluence|the\s+wiki)))?(\s+(?:in|on|within)\s+(?:the\s+)?(?:~?[A-Za-z][A-Za-z0-9]{1,9}(?:\s+space)?|[\p{L}&]+(?:\s+[\p{L}&]+){0,3}\s+space))?[\s?!.]*$`,
  'iu',
);

/**
 * First words that make "any X docs" ask about results or quality, not a topic ("any other docs?"); "to"
 * after "we have" is a need ("we have to read the Expense Policy"), not a page had.
 */
const NO_TOPIC = new Set(
  'other others more further new newer good better recent similar related relevant additional extra such this that these those the my our your of about on for in link links url urls to'.split(
    ' ',
  ),
);

/** A word inside the topic that joins it to something else ("link for the door codes"): no plain topic. */
const LINKING = /\s(?:for|about|regarding|with|to|from|on)\s/i;

/**
 * The search asked for by "is there a <topic> doc?" and its kin: the topic (with a kind noun such as
 * "runbook" kept), then the space when one was named ("… in OPS"), for the search to read; else undefined.
 */
export function topicBeforeNoun(core: string): string | undefined {
  if (core.length > 200) return undefined;
  const match = TOPIC_BEFORE_NOUN.exec(core.trim());
  if (!match) return undefined;
  const topic = match[1]!;
  if (NO_TOPIC.has(topic.split(/\s/, 1)[0]!.toLowerCase()) || LINKING.test(topic)) return undefined;
  const kind = match[3] ? ` ${match[3]}` : '';
  return `${topic}${kind}${match[4] ?? ''}`;
}
