/**
 * Praise of what the bot just did, with what it did named ("great job finding the kafka runbook", "nice
 * work on digging that up", "good job pulling up the rota so fast"): the conversation is closing, nothing
 * is asked, whatever page the praise names. A request after it ("…, now open the next one") is left to
 * the other readers.
 */
const PRAISE_OF_WORK =
  /^(?:(?:ok|okay|oh|wow|ah+|ooh)[\s,!]+)?(?:(?:really|very|super)\s+)?(?:great|good|nice|excellent|awesome|brilliant|amazing|fab|fantastic|top|solid|smart|clever)\s+(?:job|work|stuff|going|one)(?:\s+(?:on|with|in))?\s+(?:finding|getting|pulling|digging|tracking|locating|fetching|searching|opening|spotting|sorting|bringing|turning)\b/i;
/** Words that ask for something more after the praise. */
const ASKS_MORE =
  /\b(?:can|could|would|will|pls|please|plz|now|next|also|but|search|open|show|find|create|update|add|what|where|who|how|why|which)\b/i;

/** True for praise of something the bot did, naming it (see above), with nothing more asked. */
export function isPraiseOfWork(line: string): boolean {
  const text = line.trim();
  if (text.length > 120 || text.includes('?')) return false;
  const praise = PRAISE_OF_WORK.exec(text);
  return praise !== null && !ASKS_MORE.test(text.slice(praise[0].length));
}
