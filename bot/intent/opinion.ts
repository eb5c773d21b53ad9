import type { Intent } from './types.js';

/**
 * Opinions and feelings about something, said as statements ("the expense process is such a pain",
 * "I hate the new VPN", "wish we had better docs for kafka", "nobody ever updates the release notes",
 * "heads up: the vpn is down"):
 * nothing is asked, so they are not a search for their words or a page named by them. Read by
 * structure (a subject, then a verb of being or feeling, then a judgement) with the judgements kept as
 * data. Only the first {@link MAX_OPINION_HEAD} characters are read.
 */
const MAX_OPINION_HEAD = 200;

/** Judgements of a thing ("a mess", "such a pain", "useless", "all over the place"). Kept as data. */
const JUDGEMENT = [
  'mess',
  'pain',
  'nightmare',
  'maze',
  'joke',
  'disaster',
  'shambles',
  'headache',
  'useless',
  'terrible',
  'awful',
  'rubbish',
  'horrible',
  'garbage',
  'trash',
  'crap',
  'pointless',
  'confusing',
  'a\\s+pain',
  'impossible\\s+to\\s+\\w+',
  'hard\\s+to\\s+\\w+',
  'all\\s+over\\s+the\\s+place',
  'out\\s+of\\s+date',
  'outdated',
  'annoying',
  'frustrating',
  'ridiculous',
  'painful',
  'unusable',
  'broken',
  'so\\s+slow',
  'wrong',
  'incorrect',
  'inaccurate',
  'stale',
  // a service reported out of order ("the vpn is down", "fyi the wiki is not working")
  'down',
  'offline',
  'not\\s+working',
  'acting\\s+up',
  'slow',
].join('|');

/** Words that may stand between the verb and the judgement ("such a", "really", "kind of a"). */
const DEGREE = String.raw`(?:(?:such|so|really|totally|completely|absolutely|a\s+bit|bit\s+of|kind\s+of|kinda|sort\s+of|pretty|super|very|just|all|still|always|honestly|literally|an?|the|of|bloody|damn|massive|complete|total|real|huge|big)\s+)*`;

/** "the X is (such) a mess", "our documentation is terrible", "this confluence is a maze". */
const JUDGED = new RegExp(
  String.raw`^(?:(?:honestly|tbh|ngl|man|ugh|so|seriously|fyi|btw|psa|heads\s+up|i\s+(?:think|feel|find)\s+(?:that\s+)?)[\s,:]+)?(?:the|our|this|that|these|those|my|your|their)\s+[^,.;:!?]{1,80}?\s+(?:is|are|was|were|has\s+been|have\s+been|seems?|looks?|feels?|'s|’s)\s+${DEGREE}(?:${JUDGEMENT})\b`,
  'i',
);
/** "I hate the new VPN", "I'm so fed up with the expense tool", "we can't stand the rota". */
const FEELING = new RegExp(
  String.raw`^(?:(?:honestly|tbh|ugh)[\s,]+)?(?:(?:i|we)(?:\s+(?:really|just|so|honestly|absolutely|totally))*\s+(?:hate|hated|dislike|detest|loathe|can'?t\s+stand)|(?:i'?m|i’m|i\s+am|we'?re|we\s+are)\s+${DEGREE}(?:fed\s+up|sick|tired|done)\s+(?:of|with))\b`,
  'i',
);
/** "I wish the onboarding was better", "wish we had better docs for kafka". */
const WISHED =
  /^(?:i\s+)?(?:really\s+|just\s+|so\s+)?wish\s+(?:the|our|we|this|that|it|there|they|people|someone|somebody|everyone)\b/i;
/** "nobody ever updates the release notes", "no one reads the handbook". */
const NOBODY = /^(?:nobody|no\s+one|no-one)\s+(?:ever\s+|really\s+|actually\s+)?[a-z]+s\b/i;

/** True for an opinion or a feeling said as a statement (see {@link JUDGED}, {@link FEELING}). */
export function isOpinion(line: string): boolean {
  const head = line.trim().slice(0, MAX_OPINION_HEAD);
  const said = JUDGED.exec(head) ?? FEELING.exec(head) ?? WISHED.exec(head) ?? NOBODY.exec(head);
  // "the checklist is outdated, can you open it": a request after the opinion is still asked.
  return said !== null && !CLAUSE_AFTER.test(head.slice(said[0].length));
}

/** Another clause after the opinion: a comma, dash or sentence end, then more words. */
const CLAUSE_AFTER = /[,;:.!?–—]\s*\p{L}|\s-\s*\p{L}/u;

/**
 * 'unclear' for a search or a page opened by name read from an opinion that asks nothing; `undefined`
 * keeps the reading (a write, a question, or a line that asks with a question mark).
 */
export function opinionNotAsked(intent: Intent, head: string): 'unclear' | undefined {
  const read =
    (intent.kind === 'operation' && intent.request.operation === 'search') ||
    (intent.kind === 'page-by-name' && intent.request.operation === 'get');
  if (!read || /\?\s*$/.test(head)) return undefined;
  return isOpinion(head) ? 'unclear' : undefined;
}
