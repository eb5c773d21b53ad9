import { wordSet } from './closed-words.js';

/*
 * "the team decided yesterday that retros move to Thursday. can you add that to Team Rituals?": the
 * statement to add is what was decided, not the news that someone decided it. When a statement opens
 * with the asker's group deciding or agreeing ("we agreed in the retro: …", "HR confirmed that …", "it
 * was decided that …"), the text added is what follows "that", the colon, or "and". The groups and
 * verbs are data; anyone else's words ("the auditor said that …") are kept whole, as said.
 */

/** Who decides for the asker's team (the last word of the subject: "the whole team", "our HR"). */
const DECIDING_GROUPS = wordSet(
  'we team everyone everybody all management leadership hr group committee squad boss manager lead leads ' +
    'board it',
);

/**
 * The subject (one to four words), a verb of deciding, up to five words of when or where ("yesterday",
 * "in the retro"), then "that", a colon or "and" before the decision. Bounded runs, one pass.
 */
const DECIDED_THAT =
  /^((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:(?:was|were|has\s+been|have\s+been|is|has|have|had)\s+)?(?:decided|agreed|voted|confirmed|announced|settled)(?:\s+[^\s,.:;!?]+){0,5}?(?:\s+that\s+|\s*:\s*|,?\s+and\s+)(?=\S)/i;

/**
 * The decision in a statement that reports one ("we voted and standup moves to 10" → "standup moves
 * to 10"), or the statement unchanged when it reports nothing or someone outside the team decided.
 */
export function decisionOf(statement: string): string {
  const match = DECIDED_THAT.exec(statement);
  if (!match) return statement;
  const subject = match[1]!.toLowerCase().split(/\s+/).pop() ?? '';
  if (!DECIDING_GROUPS.has(subject)) return statement;
  const decision = statement.slice(match[0].length).trim();
  return /\S\s+\S/.test(decision) ? decision : statement;
}
