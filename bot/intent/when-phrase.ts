import { WEEKDAY } from './weekdays.js';

/** Words of a time ("week 12", "next week", "Fridays", "Q3"), as a pattern source. Kept as data. */
const WHEN_WORDS = `(?:the\\s+)?(?:week|wk|month|sprint|quarter)\\s+\\d{1,2}|(?:next|this|the\\s+next)\\s+(?:week|month|sprint|quarter|year)|${WEEKDAY}s?|q[1-4](?:\\s+\\d{4})?|(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\\s+\\d{4})?|(?:the\\s+)?(?:holidays|xmas|christmas|weekend)`;
/** Longest phrase looked for at the end. */
const MAX_WHEN = 40;
/**
 * When what is added holds, said after the page it is added to ("add Priya to the on-call rota for
 * week 12", "put "Ana covers Monday" on the rota for next week"): part of the text, never of the
 * page's name.
 */
const WHEN_AT_END = new RegExp(`\\s+for\\s+(${WHEN_WORDS})[\\s.!]*$`, 'i');
/**
 * A time phrase and nothing else ("for week 12", "on Fridays", "next week"), as said after a replace's
 * texts ("replace "Sam" with "Priya" for week 12"): when the change holds, never a page's name.
 */
const WHEN_ALONE = new RegExp(
  `^\\s*(?:(?:for|on|in|from|during|starting)\\s+)?(?:${WHEN_WORDS})[\\s.!?]*$`,
  'i',
);

/** True when `text` is only a time phrase ({@link WHEN_ALONE}); bounded, looked at only when short. */
export function isWhenAlone(text: string): boolean {
  return text.length <= MAX_WHEN && WHEN_ALONE.test(text);
}

/** A time said after a thing ("Sam on week 12", "Ana for Friday"), with its link word. */
const THING_WHEN_AT_END = new RegExp(`\\s+(?:on|for|in|during|from)\\s+(?:${WHEN_WORDS})[\\s.!]*$`, 'i');

/**
 * `text` without a time said at its end ("Sam on week 12" → "Sam"): in "the rota has Sam on week 12 but it
 * should be Priya" the old text is the name, the time only says where it stands. Looked for in the last few
 * characters only (bounded).
 */
export function withoutWhenAtEnd(text: string): string {
  const from = Math.max(0, text.length - MAX_WHEN);
  const match = THING_WHEN_AT_END.exec(text.slice(from));
  return match && from + match.index > 0 ? text.slice(0, from + match.index) : text;
}

/** A short title in capitals ("Plan", "Release Plan"): "for Q3" may be the rest of its name. */
const SHORT_TITLE = /^(?:(?:the|our)\s+)?\p{Lu}\S*(?:\s+\p{Lu}\S*)?$/u;
/** Words of a time said in lower case ("week 12", "next week"): never a title's. */
const LOWER_TIME = /^(?:the\s+)?(?:week|wk|month|sprint|quarter|next|this)\b/;

/** `after` (a page's name, then maybe a time) split into the name and the time phrase (with its "for"). */
export function splitWhen(after: string): { page: string; when: string } {
  const from = Math.max(0, after.length - MAX_WHEN);
  const match = WHEN_AT_END.exec(after.slice(from));
  if (!match) return { page: after, when: '' };
  const page = after.slice(0, from + match.index);
  if (SHORT_TITLE.test(page.trim()) && !LOWER_TIME.test(match[1]!)) return { page: after, when: '' };
  return { page, when: match[0].trimEnd() };
}
