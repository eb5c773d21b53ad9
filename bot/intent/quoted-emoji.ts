import { EMOJI } from './normalize-message.js';
import type { Intent, UpdateEdit } from './types.js';

/*
 * Emoji inside quoted text for a page ("add 'retro moved to wed 🗓️' to team rituals", "replace whole body w/
 * "submitted ✅""): the command line is read with its emoji taken for breaks of small talk, so the edit's text
 * loses them. When an edit's text (with no emoji left) is a quoted span of the message as typed, emoji taken out, the span as
 * typed is the text. Linear: the start of the message is split once at its quote marks.
 */

/** Quote marks that open or close text on a command line. */
const QUOTE_MARK = /["“”'‘’«»„]/;

/** Most characters of the message looked at (the command is near its start; bounded work). */
const MAX_LINE = 2000;

/** Text as compared: emoji and the spaced full stops they were read as taken out, spaces collapsed. */
function plain(text: string): string {
  return text
    .replace(EMOJI, ' ')
    .replace(/(^|\s)\.(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quoted spans of `line` with emoji in them, by their plain text. */
function spansWithEmoji(line: string): Map<string, string> {
  const spans = new Map<string, string>();
  for (const part of line.slice(0, MAX_LINE).split(QUOTE_MARK)) {
    const typed = part.trim();
    if (typed.length > 0 && typed.replace(EMOJI, '') !== typed && plain(typed).length > 0)
      spans.set(plain(typed), typed);
  }
  return spans;
}

/** The edit with each text that is a quoted span with emoji given back as typed. */
function editWithEmoji(edit: UpdateEdit, spans: Map<string, string>): UpdateEdit {
  const typed = (text: string) =>
    text.replace(EMOJI, '') === text ? (spans.get(plain(text)) ?? text) : text;
  switch (edit.kind) {
    case 'append':
    case 'body':
      return { ...edit, markdown: typed(edit.markdown) };
    case 'section':
      return { ...edit, markdown: typed(edit.markdown) };
    case 'title':
      return { ...edit, title: typed(edit.title) };
    case 'replace':
      return { ...edit, find: typed(edit.find), replaceWith: typed(edit.replaceWith) };
  }
}

/** An update whose quoted text lost its emoji in reading, with them given back (see the file's comment). */
export function withQuotedEmoji(intent: Intent, message: string): Intent {
  if (intent.kind !== 'operation' && intent.kind !== 'page-by-name') return intent;
  if (intent.request.operation !== 'update') return intent;
  const spans = spansWithEmoji(message);
  if (spans.size === 0) return intent;
  const edit = editWithEmoji(intent.request.edit, spans);
  return { ...intent, request: { ...intent.request, edit } } as Intent;
}
