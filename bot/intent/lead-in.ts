import { stripPoliteness } from './classify-text.js';
import { applyRules, baseVerbForm } from './command-rules.js';
import { parseFollowUp } from './parse-follow-up.js';
import type { Intent } from './types.js';

/*
 * A command after a lead-in: context sentences ("The VPN changed last week. Could you add …") or a
 * lead-in clause ("no rush, but could you open …", "bot, search …"). Only a command form counts.
 */

/** The last sentence break of a line ("… works. Can you …"), a full stop, ! or ? and a space. */
const SENTENCE_BREAK = /[.!?]+\s+(?=\S)/g;
/** A break after a lead-in clause: a comma, colon, dash or "but", then a space. */
const CLAUSE_BREAK = /(?:[,:;]|\s[-–—]|\sbut)\s+(?=\S)/gi;

/**
 * A command in the last sentence of a line that starts with context ("The VPN changed last week.
 * Could you add a line to the VPN Setup Guide saying …"): the sentences before it are not read.
 * Only a command form counts (a rule or a follow-up), never a guess.
 */
export function lastSentenceCommand(core: string, bodyLines: string): Intent | undefined {
  const sentence = commandAfter(core, SENTENCE_BREAK, bodyLines);
  if (sentence) return sentence;
  // A lead-in clause ("no rush, but could you …", "bot, search …", "one thing - open …"): only a
  // command that reads in full counts here, since commas and dashes also sit inside commands.
  const clause = commandAfter(core, CLAUSE_BREAK, bodyLines, POINTS_BACK);
  return clause && clause.kind !== 'failure' ? clause : undefined;
}

/** A verb and a pronoun for what came before ("open it"): the object is in the lead-in, not after. */
const POINTS_BACK = /^\S+(?:\s+(?:me|us))?\s+(?:it|this|that|them|one)$/i;

/** The command form after the last match of `breaks` in `core`, or `undefined`. */
function commandAfter(core: string, breaks: RegExp, bodyLines: string, notThis?: RegExp): Intent | undefined {
  let start = -1;
  for (const match of core.matchAll(breaks)) start = match.index + match[0].length;
  if (start < 0) return undefined;
  const last = stripPoliteness(core.slice(start));
  if (last.length === 0 || notThis?.test(last)) return undefined;
  return parseFollowUp(last) ?? applyRules(baseVerbForm(last), bodyLines);
}
