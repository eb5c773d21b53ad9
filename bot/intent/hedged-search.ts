/**
 * A search said with doubt or as a past wish: "no clue where this would live but is there anything about
 * X?", "probably nothing there but can you search for X", "I wanted to check whether anything is written
 * down about X - could you look that up?", "I was hoping to find something about X". The doubt says how
 * likely a page is, never what to look for; the topic is what the wish or the words after "but" name.
 */
import { isGreeting, isLeadInLine } from './classify-text.js';
import { readingKind } from './reading-kind.js';
import type { Intent } from './types.js';

/** Words that doubt a page exists or where it is, before "but". Kept as data. */
const DOUBT =
  /\b(?:no\s+(?:clue|idea)|not\s+sure|(?:a\s+)?long\s+shot|probably\s+nothing|might\s+not\s+exist|may\s+not\s+exist|(?:i\s+)?don'?t\s+know|dunno|doubt\s+it|unlikely|no\s+luck\s+so\s+far|couldn'?t\s+find\s+it|(?:dumb|stupid|silly|basic)\s+question|sorry\s+if)\b/i;

/** "… but ": where the doubt ends and the ask starts (in the first part of the line). */
const BUT = /(?:^|[\s,;])but\s+(?=\S)/i;

/**
 * "I wanted to check whether anything is written down about X", "I was hoping to find something on X", "I
 * wanted to see if there is anything written about X": a past wish to find pages; group 1 is the topic,
 * up to a spaced dash, a question mark or a stop.
 */
const PAST_WISH =
  /\bi\s+(?:wanted|was\s+hoping|was\s+wondering|hoped|was\s+trying)\s+(?:to\s+(?:check|see|know|find(?:\s+out)?|look)|(?:you|u)\s+(?:could|can|might|would)\s+(?:find|check|see|look\s+up|search))\s+(?:(?:if|whether)\s+)?(?:there\s+(?:is|'s|are)\s+|(?:we|you|u)\s+(?:have|got)\s+)?(?:anything|something|any\s+(?:docs?|pages?|info)|a\s+(?:page|doc))\s+(?:(?:is|was)\s+)?(?:(?:written(?:\s+(?:down|up))?|documented)\s+)?(?:about|on|regarding|abt|re)\s+([^?!.;]{1,120}?)(?=\s[-–—]|[?!.;]|$)/i;

/** How the ask after "but" starts ("is there …", "can you …", "search …"): a statement there asks nothing. */
const ASK_START =
  /^(?:is\s+there|are\s+there|(?:can|could|would|will)\s+(?:you|u)|(?:do|did)\s+(?:we|you|u)\s+have|any(?:thing)?\b|(?:please|pls|plz)\s|search|srch|find|look)/i;

/** A short lead before a spaced dash ("afternoon quick q - …"); group 1 the lead. */
const LEAD_DASH = /^([^-–—]{1,40}?)\s[-–—]\s+(?=\S)/;

/** Readings the line as typed may have got wrong. */
const REPLACEABLE = new Set(['question', 'unclear', 'failure', 'search']);

/** A past wish to find pages also replaces a page read out of its story ("… look that up … an old page"). */
const WISH_REPLACEABLE = new Set([...REPLACEABLE, 'get']);

/** Longest line read so (characters). */
const MAX_LINE = 400;

/**
 * The search of a doubted or wished-for topic (see {@link PAST_WISH}, {@link DOUBT}), read by `read`; else
 * `undefined`. A typed reading other than a question, nothing or a search is kept.
 */
export function hedgedSearch(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const kind = readingKind(typed);
  const text = line.trim();
  if (!WISH_REPLACEABLE.has(kind) || text.length > MAX_LINE) return undefined;
  const wish = PAST_WISH.exec(text);
  if (wish) {
    const asked = read(`search ${wish[1]!.trim()}`);
    return readingKind(asked) === 'search' ? asked : undefined;
  }
  if (!REPLACEABLE.has(kind)) return undefined;
  const lead = LEAD_DASH.exec(text);
  // "afternoon quick q - do we have anything on X": a greeting or a lead-in before a spaced dash says nothing.
  if (lead && (isGreeting(lead[1]!) || isLeadInLine(lead[1]!))) {
    const after = read(text.slice(lead[0].length));
    if (readingKind(after) === 'search') return after;
  }
  if (kind === 'search') return undefined;
  const but = BUT.exec(text.slice(0, 160));
  if (!but || !DOUBT.test(text.slice(0, but.index))) return undefined;
  const after = text.slice(but.index + but[0].length);
  if (!ASK_START.test(after)) return undefined;
  const rest = read(after);
  return readingKind(rest) === 'search' ? rest : undefined;
}
