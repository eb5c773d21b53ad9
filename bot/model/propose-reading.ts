/**
 * The model's reading of a message the offline parser found unclear: one command of our grammar,
 * kept only when OUR parser reads it as a user request. The model proposes; nothing runs until the
 * user clicks the button, and the click goes through the same parse, policy, space and approval
 * checks as typing the command (bot/handlers/actions/run-reading.ts).
 */
import { normalizeMessage, showMentions } from '../intent/normalize-message.js';
import { parseMessage } from '../intent/parse-message.js';
import type { Intent, MessageMention } from '../intent/types.js';
import type { ModelClient } from './model-client.js';
import { MAX_COMMAND_CHARS, READING_SCHEMA, readingPrompt } from './reading-prompt.js';

/**
 * Intents a proposal may parse to: the four operations (typed or by page name), follow-ups and
 * questions. Never admin commands, approvals, help, or anything still unclear.
 */
const PROPOSABLE = new Set<Intent['kind']>(['operation', 'page-by-name', 'follow-up', 'question']);

/** The proposal when it is one line, short enough, and parses to a proposable intent; else `undefined`. */
export function acceptedCommand(proposal: string | null): string | undefined {
  const command = proposal?.trim();
  if (!command || command.length > MAX_COMMAND_CHARS || /[\r\n]/.test(command)) return undefined;
  // A leading "/" is optional for users; "/confluence …" is admin and never proposable.
  if (/^\/?\s*confluence\b/i.test(command)) return undefined;
  return PROPOSABLE.has(parseMessage(command, []).kind) ? command : undefined;
}

/** Asks the model for one reading of `text`; `undefined` when it has none we accept or fails. */
export async function proposeReading(
  model: ModelClient,
  text: string,
  mentions: readonly MessageMention[],
): Promise<string | undefined> {
  const normalized = normalizeMessage(text, mentions);
  const message = showMentions(normalized.text, normalized.mentions).trim();
  if (message.length === 0) return undefined;
  const answer = await model.completeJson('reading', readingPrompt(message), READING_SCHEMA);
  return answer ? acceptedCommand(answer.command) : undefined;
}

/** The model's reading first, then the offline ones, without repeats; at most two. */
export function mergeReadings(proposed: string | undefined, offline: readonly string[]): string[] {
  const all = proposed === undefined ? [...offline] : [proposed, ...offline];
  const seen = new Set<string>();
  return all
    .filter((reading) => {
      const key = reading.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 2);
}
