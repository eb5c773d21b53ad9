import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';
import type { HelpTopic } from './types.js';

/**
 * Help asked first, then a remark that the asker is new to the bot or was sent to it ("what things you
 * can do? I am first time using this bot and my colleague say it is helpful", "how I make new page with
 * you? is first time for me", "what can this bot do lol, someone told me to try it"). The remark asks
 * nothing, so the help asked before it is what the message means. "how do I request a new laptop? first
 * time for me" asks no help before the remark and stays a question.
 */

/** Words a newcomer's remark is made of (being new, since when, who sent them, what they heard). Kept as data. */
const REMARK_WORDS = wordSet(
  // being new, and since when
  'first time times new newbie noob beginner joined join joining started start starting week weeks month ' +
    'today yesterday day days ago last only just recently still here company team job role channel ' +
    // who sent them, and what was said about the bot
    'colleague colleagues coworker coworkers co worker workers manager boss lead friend teammate teammates ' +
    'someone somebody people everyone say says said told tell recommended recommend recommends suggested ' +
    'suggest mentioned helpful useful good great nice cool handy try trying tried use using used ' +
    // the bot and getting to it
    'bot bots assistant thing access got get added lol haha tbh honestly ever before never ' +
    // courtesy closing the remark ("… thank you so much!", "…, much obliged", "… thanks heaps")
    'sorry thanks thank thx ty tysm pls please so much heaps lot obliged cheers mate advance appreciated',
);

/** A word or phrase that makes the remark a newcomer's (not "it is broken"). */
const NEWCOMER_MARK =
  /\b(?:first\s+times?|new|newbie|noob|beginner|joined|just\s+(?:got|started)|told|say|says|said|recommend(?:ed|s)?|suggested|mentioned|never\s+used)\b/i;

/** Longest line looked at. */
const MAX_LINE = 300;

/**
 * Help for a line whose first sentence, ended by "?" (or "." / "!" then a space), reads as help by
 * `readHelp` and whose rest is only a newcomer's remark (see above); else `undefined`.
 */
export function helpBeforeRemark(
  line: string,
  readHelp: (asked: string) => { topic?: HelpTopic } | undefined,
): { topic?: HelpTopic } | undefined {
  if (line.length > MAX_LINE) return undefined;
  // A break only after the first letter: marks opening the line (". Hello, …") end nothing.
  const from = Math.max(0, line.search(/\p{L}/u));
  const end = /[?？]+\s*|[.!]+\s+/.exec(line.slice(from));
  if (!end) return helpBeforeUnmarkedRemark(line, readHelp);
  const cut = from + end.index + end[0].length;
  const head = line.slice(0, cut).trim();
  const rest = line.slice(cut);
  if (!isNewcomerRemark(rest)) return undefined;
  return readHelp(head) ?? readHelp(head.replace(OPENING, ''));
}

/** What may open the line before the help asked: emoji shortcodes, marks, a greeting ("🙂 :wave: Hello, "). */
const OPENING = /^(?:[^\p{L}]|:[a-z0-9_+-]{1,30}:|(?:hello|hi|hey|hiya|yo|g'?day)\b[\s,!.]*)+/iu;

/** Most words of a remark typed with no break before it. */
const MAX_REMARK_WORDS = 12;

/**
 * The same, typed with no break ("how i make new page with you is first time for me"): the line's last
 * words, as many as are remark words, are tried as the remark from the longest, each head read by
 * `readHelp`. At most {@link MAX_REMARK_WORDS} tries.
 */
function helpBeforeUnmarkedRemark(
  line: string,
  readHelp: (asked: string) => { topic?: HelpTopic } | undefined,
): { topic?: HelpTopic } | undefined {
  const starts = [...line.matchAll(/\S+/g)].map((match) => match.index);
  const first = Math.max(1, starts.length - MAX_REMARK_WORDS);
  for (let i = first; i < starts.length; i += 1) {
    const rest = line.slice(starts[i]);
    if (!isNewcomerRemark(rest)) continue;
    const help = readHelp(line.slice(0, starts[i]).trim());
    if (help) return help;
  }
  return undefined;
}

/** True for words that only say the asker is new or was sent to the bot (see {@link REMARK_WORDS}). */
function isNewcomerRemark(text: string): boolean {
  return NEWCOMER_MARK.test(text) && allWordsFrom(closedWordsOf(text), FUNCTION_WORDS, REMARK_WORDS);
}
