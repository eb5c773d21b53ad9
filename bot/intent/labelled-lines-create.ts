import type { Intent } from './types.js';

/*
 * A new page asked on one line, its title and its text given on labelled lines below ("Can you create page
 * for me in People & HR space\ntitle: Lunch and Learn Schedule\ncontent: Every Thursday"): said again as
 * `<ask> called "<title>"` with the text on the lines after it, so the title is read whole ("and" in it
 * never cuts it short) and the labels are no part of the title or the text. Kept only when that reads as
 * a create of exactly the labelled title. Anchored patterns on three bounded lines: linear.
 */

/** Most characters of the asking line. */
const MAX_ASK = 300;
/** A line that asks for a new page (a making word, then a page noun a few words on), with no colon or quote. */
const NEW_PAGE_ASK =
  /^[^:"“\n]{0,80}?\b(?:new|create|creat|craete|make|mak|set\s+up|start|need|want)\b[^:"“\n]{0,60}?\b(?:page|pg|pgae|doc)\b[^:"“\n]*$/i;
/** "title: X", "Title - X", "page title: X", "name: X": the labelled title line. */
const TITLE_LINE = /^[ \t]*(?:page\s+)?(?:title|name)[ \t]*[:=][ \t]*([^\n"“”]{1,100}?)[ \t]*$/i;
/** "content: …", "body: …", "text: …": the label that opens the text. */
const TEXT_LABEL = /^[ \t]*(?:content|contents|body|text)[ \t]*[:=][ \t]*/i;

/** The lines of `text` split at its first two line breaks: ask, title line, and the rest. */
function firstLines(text: string): [string, string, string] | undefined {
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  if (first < 0 || second < 0) return undefined;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

/** The create read from an ask with labelled title and text lines below it (see the file's comment), if any. */
export function labelledLinesCreate(text: string, read: (message: string) => Intent): Intent | undefined {
  const lines = firstLines(text);
  if (!lines) return undefined;
  const [ask, titleLine, rest] = lines;
  if (ask.length > MAX_ASK || !NEW_PAGE_ASK.test(ask)) return undefined;
  const title = TITLE_LINE.exec(titleLine)?.[1];
  const label = TEXT_LABEL.exec(rest);
  if (title === undefined || !label) return undefined;
  const body = rest.slice(label[0].length);
  if (body.trim().length === 0) return undefined;
  const again = read(`${ask.replace(/[\s,.!?]+$/, '')} called "${title}"\n${body}`);
  return again.kind === 'operation' && again.request.operation === 'create' && again.request.title === title
    ? again
    : undefined;
}
