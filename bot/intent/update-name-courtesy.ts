import type { Intent } from './types.js';

/*
 * Courtesy left at the end of the name of a page to edit ("… at the bottom of the Sales Playbook? Thank you
 * 🙌", "… the X page in OPS, thx: <text>", "… of the VPN Setup Guide, pleas add: …"): a thanks or a please
 * after a stop or a comma closes the ask, it is never more of the page's name. When an update's page
 * name ends so, the message is read again with those courtesy words (and emoji) taken out of its first
 * line; the new reading is kept only when it is the same kind of edit with the courtesy gone from the
 * name. One extra reading at most, on a bounded head: linear.
 */

/** Courtesy words that close an ask, typos included ("pleas", "thnx"). Kept small, as data. */
const COURTESY_WORDS = [
  'thank\\s+you(?:\\s+(?:so\\s+much|a\\s+lot|very\\s+much))?',
  'thanks(?:\\s+(?:so\\s+much|a\\s+lot|a\\s+ton))?',
  'thx',
  'thnx',
  'thanx',
  'ty',
  'tysm',
  'cheers',
  'please',
  'pleas',
  'pls',
  'plz',
];

/** An emoji (or its joiners and modifiers) after the courtesy. */
const EMOJI_PART = String.raw`(?:(?![©®™])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F)`;

/** A stop or comma, then courtesy, then only emoji or stops: the end of a page name that is no part of it. */
const COURTESY_END = new RegExp(
  String.raw`([,?!.])\s*((?:${COURTESY_WORDS.join('|')})[\s!.]*(?:${EMOJI_PART}[\s!.]*){0,4})$`,
  'iu',
);

/** Most characters of a page name or first line looked at. */
const MAX_LOOKED_AT = 600;

/** The page name an update reads by title words, if any. */
function updatedName(intent: Intent): string | undefined {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return undefined;
  return intent.request.ref.kind === 'title-search' ? intent.request.ref.words : undefined;
}

/**
 * `intent` (what `read` made of `text`), or, when it is an update whose page name ends with courtesy
 * (see the file's comment), the reading of `text` with that courtesy taken out of its first line.
 */
export function withoutCourtesyInUpdatedName(
  intent: Intent,
  text: string,
  read: (typed: string) => Intent,
): Intent {
  const name = updatedName(intent);
  if (name === undefined || name.length > MAX_LOOKED_AT) return intent;
  const end = COURTESY_END.exec(name);
  if (!end || end.index === 0) return intent;
  const newline = text.indexOf('\n');
  const line = newline < 0 ? text : text.slice(0, newline);
  if (line.length > MAX_LOOKED_AT) return intent;
  const said = `${end[1]}${name.slice(end.index + end[1]!.length)}`;
  const at = line.lastIndexOf(said);
  if (at < 0) return intent;
  const after = line.slice(at + said.length);
  // ", thx: <text>" loses its comma too; ", pleas add: …" keeps one before the words going on; "? ty" keeps its stop.
  const joiner = end[1] !== ',' ? `${end[1]} ` : /^\s*\p{L}/u.test(after) ? ', ' : '';
  const again = read(`${line.slice(0, at)}${joiner}${after.trimStart()}`.trim() + text.slice(line.length));
  const againName = updatedName(again);
  if (againName === undefined || COURTESY_END.test(againName)) return intent;
  if (again.kind !== 'page-by-name' || again.request.operation !== 'update') return intent;
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return intent;
  return again.request.edit.kind === intent.request.edit.kind ? again : intent;
}
