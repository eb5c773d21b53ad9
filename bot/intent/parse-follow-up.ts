import type { FollowUpPosition, Intent } from './types.js';

const ORDINALS: Readonly<Record<string, FollowUpPosition>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  '7th': 7,
  eighth: 8,
  '8th': 8,
  ninth: 9,
  '9th': 9,
  tenth: 10,
  '10th': 10,
  last: 'last',
  next: 'next',
  previous: 'previous',
  prev: 'previous',
};

const LEAD = /^(?:(?:and|ok|okay|now|then|so|also)\s+)*/i;
const VERB =
  /^(?:(?:open|show|get|view|display|read|see|give|pull\s+up|bring\s+up|go\s+to|take\s+me\s+to)\s+(?:me\s+)?(?:up\s+)?)?/i;
const ORDINAL_ONE = /^(?:the\s+)?([a-z0-9]{3,8})(?:\s+(?:one|result|hit|page|link|match|item|entry))?$/i;
const NUMBERED = /^(?:the\s+)?(?:(?:result|hit|item|number|no\.?|entry)\s*#?\s*|#\s*)(\d{1,2})$/i;
const MORE =
  /^(?:(?:show|give|get|load|see|any|fetch)\s+(?:me\s+)?)?(?:some\s+)?more(?:\s+(?:results|hits|pages|matches|of\s+them))?$|^(?:the\s+)?next\s+(?:page|batch|results)(?:\s+of\s+results)?$/i;

/**
 * A follow-up on the previous results in this conversation ("open the second one", "and the next
 * one", "open #2", "more results"), or `undefined`. Only short, whole-line forms count: anything
 * else is a new request. Pure; the handler looks the results up.
 */
export function parseFollowUp(core: string): Intent | undefined {
  if (core.length > 80) return undefined;
  const text = core.replace(LEAD, '');
  if (MORE.test(text)) return { kind: 'follow-up', action: 'more' };
  const afterVerb = text.replace(VERB, '');
  const numbered = NUMBERED.exec(afterVerb);
  if (numbered) {
    const position = Number(numbered[1]);
    return position >= 1 ? { kind: 'follow-up', action: 'open', position } : undefined;
  }
  const ordinal = ORDINAL_ONE.exec(afterVerb);
  const position = ordinal ? ORDINALS[ordinal[1]!.toLowerCase()] : undefined;
  if (position === undefined) return undefined;
  const bare = !/\s/.test(afterVerb.replace(/^the\s+/i, ''));
  if (bare && (position === 'last' || position === 'previous') && afterVerb === text) return undefined;
  return { kind: 'follow-up', action: 'open', position };
}
