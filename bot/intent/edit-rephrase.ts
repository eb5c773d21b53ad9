import type { Intent } from './types.js';

/*
 * Edits asked in shapes the update grammar does not read, said again in its own words: a new title
 * "given" to a page ("please give the Promotion Packet Draft the title "X"" → "rename … to "X""), and a
 * page wiped and written anew ("wipe the X and put only: …", "clear the X page and just write: …" →
 * "replace the whole X with: …"), and courtesy between a page's name and its colon and the edit's verb.
 * The message said again is kept only when it reads as an update.
 * Anchored patterns with bounded runs on the first line: linear.
 */

/** Most characters of the first line looked at. */
const MAX_LINE = 600;
/** Courtesy before the ask ("please", "could you pls", "hey, can u"). */
const LEAD = String.raw`^\s*(?:(?:hi|hey|hello|yo)\b[,!]?\s+)?(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?)*`;
/** "give the X (page) the title Y", "give X a new name: Y": the page, then its new title. */
const GIVE_TITLE = new RegExp(
  String.raw`${LEAD}give\s+(?:the\s+)?([^"“:\n]{1,100}?)\s+(?:(?:page|doc)\s+)?(?:the|a)\s+(?:new\s+)?(?:title|name)\s*(?:of\s+|:\s*)?(?=\S)`,
  'i',
);
/** Words that wipe a page ("wipe", "clear out", "empty"). Kept small, as data. */
const WIPE_WORDS = ['wipe', 'clear', 'empty', 'blank'];
/** "wipe the X (page) and (just) put (only): …": the page, then its new whole text after the colon. */
const WIPE_AND_WRITE = new RegExp(
  String.raw`${LEAD}(?:${WIPE_WORDS.join('|')})(?:\s+out)?\s+(?:the\s+)?([^"“:\n]{1,100}?)\s+(?:(?:page|doc)\s+)?(?:and|,)\s+(?:then\s+)?(?:(?:just|only)\s+)?(?:put|write|add|paste|leave)(?:\s+(?:in|there|inside))?(?:\s+(?:only|just))?\s*:\s*(?=\S)`,
  'i',
);

/**
 * "Visitor badges page: could you add "…"", "Team Rituals: pls append …": the page named first, a colon,
 * then courtesy before the edit's verb; the courtesy is dropped ("X page: add "…"" reads).
 */
const COURTESY_AFTER_PAGE_COLON =
  /^([^"“:\n]{1,100}?:\s*)(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|kindly\s+|just\s+)?)+(?=(?:add|append|put|write|insert|replace|change|swap)\s+["“'‘]|rename\s)/i;

/** Words a page's name does not start with (asking, courtesy, pronouns): then the words are no name. */
const NOT_NAME_START = new Set(
  'can could would will please pls plz kindly i we you u to and also then just so ok hi hey hello'.split(' '),
);
/**
 * "new hire checklist pls ad - set up payroll", "reading list add: Dune": a page's name typed first (a few
 * plain words), then "add" (or "ad", "append"), then a dash or colon and the text: said as "add to the <name>: …".
 */
const NAME_THEN_ADD =
  /^\s*((?:[\p{L}\p{N}&'’.][\p{L}\p{N}&'’.-]*\s+){0,5}[\p{L}\p{N}&'’.][\p{L}\p{N}&'’.-]*)\s+(?:(?:pls|please|plz)\s+)?(?:add|ad|append)\s*(?:[-–—]+|:(?=\s))\s*(?=\S)/iu;

/** "add to the <name>: <text>" for a page name typed first and its text after "add -" (see {@link NAME_THEN_ADD}). */
function nameThenAdd(line: string): string | undefined {
  const found = NAME_THEN_ADD.exec(line);
  if (!found) return undefined;
  const first = found[1]!.split(/\s+/)[0]!.toLowerCase();
  if (NOT_NAME_START.has(first)) return undefined;
  return `add to the ${found[1]}: ${line.slice(found[0].length)}`;
}

/** The first line said in the update grammar's words, or undefined when it is in none of the shapes. */
function rephrasedEdit(line: string): string | undefined {
  if (line.length > MAX_LINE) return undefined;
  const courtesy = COURTESY_AFTER_PAGE_COLON.exec(line);
  if (courtesy) return `${courtesy[1]}${line.slice(courtesy[0].length)}`;
  const give = GIVE_TITLE.exec(line);
  if (give) return `rename ${give[1]} to ${line.slice(give[0].length)}`;
  const wipe = WIPE_AND_WRITE.exec(line);
  if (wipe) return `replace the whole ${wipe[1]} with: ${line.slice(wipe[0].length)}`;
  return undefined;
}

/** True when `intent` is an update of a page. */
function isUpdate(intent: Intent): boolean {
  return (
    (intent.kind === 'page-by-name' || intent.kind === 'operation') && intent.request.operation === 'update'
  );
}

/**
 * The message as `read` reads it, or said again as an edit (see the file's comment) when that reads as an
 * update; a page's name typed first before "add -" is said again only when the message as typed reads as no update.
 */
export function readRephrasingEdit(text: string, read: (message: string) => Intent): Intent {
  const newline = text.indexOf('\n');
  const line = newline < 0 ? text : text.slice(0, newline);
  const again = rephrasedEdit(line);
  if (again !== undefined) {
    const intent = read(again + text.slice(line.length));
    if (isUpdate(intent)) return intent;
  }
  const typed = read(text);
  const added = line.length > MAX_LINE || isUpdate(typed) ? undefined : nameThenAdd(line);
  if (added === undefined) return typed;
  const intent = read(added + text.slice(line.length));
  return isUpdate(intent) ? intent : typed;
}
