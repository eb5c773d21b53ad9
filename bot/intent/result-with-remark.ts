import { parseFollowUp } from './parse-follow-up.js';
import type { Intent } from './types.js';

/**
 * A result picked by its position, then a remark on it after a break ("open the 2nd, seems most relevant",
 * "open the 3rd, looks like the HR one"), or what it is about ("open the second result about vpn", "the
 * first one about expenses"): the position says which result; the rest names nothing new to look for.
 * "open the first aid page" has no position word before a break or "about", and is left to the other readers.
 */

/** An opinion on the result picked, after the break ("seems most relevant", "looks like the HR one", "I think"). */
const REMARK =
  /^(?:(?:it|that|this)(?:'s|’s|s|\s+is)\s+|(?:i\s+)?think\s+|probably\s+|prob\s+)?(?:looks?|seems?|sounds?|should\s+be|might\s+be|must\s+be|the\s+right\s+one|that(?:'s|’s|s|\s+is)\s+(?:it|the\s+one))\b/i;
/** A break: a comma, or a dash with spaces. */
const BREAK = /,\s*|\s[-–—]\s+/;
/** A result noun, then what it is about ("result about vpn", "one on expenses"); bounded topic. */
const ABOUT =
  /^(.{1,40}?\b(?:one|result|link|hit|match))\s+(?:about|on|regarding|re|for)\s+[\p{L}\p{N}][\p{L}\p{N}&'’ -]{0,60}$/iu;

/** The follow-up a position with a remark or a topic after it asks for (see above), or `undefined`. */
export function resultWithRemark(core: string): Intent | undefined {
  if (core.length > 120) return undefined;
  const text = core.trim();
  const broken = BREAK.exec(text);
  if (broken && REMARK.test(text.slice(broken.index + broken[0].length))) {
    const picked = placedOpen(text.slice(0, broken.index));
    if (picked) return picked;
  }
  const about = ABOUT.exec(text);
  return about ? placedOpen(about[1]!) : undefined;
}

/** The follow-up opening a result by a number or "last" read from `head`, or `undefined`. */
function placedOpen(head: string): Intent | undefined {
  const read = parseFollowUp(head.trim());
  if (read?.kind !== 'follow-up' || read.action !== 'open') return undefined;
  return typeof read.position === 'number' || read.position === 'last' ? read : undefined;
}
