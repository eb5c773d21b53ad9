/**
 * "Everything we have on X" (also "whatever you've got about X", "all we got on X"): the whole of what the
 * wiki holds on a topic, which is a search for it, whatever verb fetches it ("can you pull everything we
 * have on X?", "I need everything we have on X in OPS, could you search?").
 */
import type { Intent } from './types.js';

/** "everything we have on", then the topic (group 1). Bounded. */
export const ALL_WE_HAVE_ON =
  /\b(?:everything|whatever|all|anything)\s+(?:(?:that|which)\s+)?(?:we|you|u)\s+(?:have\s+got|have|'ve\s+got|’ve\s+got|got)\s+(?:on|about|abt|regarding|re|for)\s+(\S.{0,160})$/i;

/** A verb fetching it first, asked maybe ("can you pull", "pls send me", "i need"). Kept as data. */
const FETCHED =
  /^(?:(?:can|could|would|will)\s+(?:you|u)\s+|(?:please|pls|plz|kindly)\s+)*(?:pull(?:\s+up|\s+together)?|get|grab|send|give|show|share|dig\s+(?:out|up)|round\s+up|gather|collect|(?:i|we)\s+(?:need|want|would\s+like|'d\s+like))\s+(?:(?:me|us)\s+)?(?=\S)/i;

/** Readings the line as typed may have got wrong: a question, nothing, or a search keeping the verb. */
const REPLACEABLE = new Set(['question', 'unclear', 'failure', 'search']);

/** The topic of "… everything we have on X" at the end of `text`, without end marks, or `undefined`. */
export function allWeHaveTopic(text: string): string | undefined {
  const topic = ALL_WE_HAVE_ON.exec(text)?.[1]?.replace(/[\s?!.]+$/, '');
  return topic && topic.length > 0 ? topic : undefined;
}

/**
 * The search of "can you pull everything we have on X?" (see {@link FETCHED}), read by `read` as "search
 * X"; else `undefined`. A typed reading other than a question, nothing or a search is kept.
 */
export function allWeHaveFetched(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const kind = typed.kind === 'operation' ? typed.request.operation : typed.kind;
  const text = line.trim();
  const verb = FETCHED.exec(text);
  if (
    !REPLACEABLE.has(kind) ||
    !verb ||
    !/^(?:everything|whatever|all|anything)\s/i.test(text.slice(verb[0].length))
  )
    return undefined;
  const topic = allWeHaveTopic(text.slice(verb[0].length));
  const asked = topic ? read(`search ${topic}`) : undefined;
  return asked?.kind === 'operation' && asked.request.operation === 'search' ? asked : undefined;
}
