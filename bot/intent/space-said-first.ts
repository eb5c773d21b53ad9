/**
 * A space said first as a label, then a search asked without one ("hiya, for the Legal space - could you
 * look up anything on export controls?", "over in Engineering - could you search X?", "OPS: find X"):
 * the label says where to look. The space is a key in capitals, a name said with "space" or "wiki", or a
 * department's word; an ordinary word ("for the record - …", "in general, …") says nothing.
 */
import { withSpaceOfNamed } from './name-residue.js';
import { searchOf } from './reading-kind.js';
import { isDepartmentWord } from './space-names.js';
import type { Intent } from './types.js';

/**
 * The label: a greeting maybe, "for"/"in"/"over in"/"from", the space, then a comma, colon or spaced dash.
 * Group 1 the preposition (without one, only a department's key or word is a label: "OPS: find X", not
 * "FYI: find X"), group 2 the space's words, group 3 "space" or "wiki" when said. Bounded repeats only.
 */
const SPACE_LABEL =
  /^(?:(?:hi|hey|hiya|hello|yo|ok|okay|so)\b[\s,!~]*)?(?:(for|in|over\s+in|from|within|inside)\s+)?(?:the\s+|our\s+)?((?:[\p{L}&][\p{L}&'’-]{0,30}\s+){0,3}?[\p{L}~&][\p{L}\p{N}&'’-]{0,30})(?:\s+(space|wiki))?\s*(?:[,:]|\s[-–—])\s+(?=\S)/iu;

/** A space key typed in capitals ("OPS", "LEGAL"). */
const KEY = /^~?[A-Z][A-Z0-9]{1,9}$/;

/**
 * The search of a line that names a space first (see {@link SPACE_LABEL}) and asks for a search that
 * names none, searched in that space; else `undefined`. `typed` is the line's own reading; only a
 * search with no space, or nothing understood, is replaced.
 */
export function searchInSpaceSaidFirst(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const own = searchOf(typed);
  if (own?.spaceKey !== undefined || (!own && typed.kind !== 'unclear' && typed.kind !== 'question'))
    return undefined;
  // "in space of People & HR, search X" (non-native) is said as "in the People & HR space, search X".
  const text = withSpaceOfNamed(line.trim());
  const label = SPACE_LABEL.exec(text);
  if (!label) return undefined;
  const name = label[2]!;
  const department = !/\s/.test(name) && isDepartmentWord(name);
  const said = label[1] === undefined ? department : label[3] !== undefined || KEY.test(name) || department;
  // "Engineering: anything on kafka?" read as "Engineering: kafka": the name kept in the words for the space directory.
  if (!said || own?.words.toLowerCase().includes(name.toLowerCase())) return undefined;
  const rest = searchOf(read(text.slice(label[0].length)));
  if (!rest || rest.spaceKey !== undefined) return undefined;
  const spaced = read(`search ${rest.words} in the ${name}${label[3] ? ` ${label[3]}` : ' space'}`);
  const found = searchOf(spaced);
  return found?.spaceKey !== undefined ? spaced : undefined;
}
