import { findUrl } from './page-ref.js';
import { readingKind } from './reading-kind.js';
import type { Intent } from './types.js';

/**
 * A page's link in a line that asks nothing else of it ("<link> ← open this one pls 🙏", "it was this
 * one I think: <link> - could you open it again for me?", "<link> <- can u open"): whatever chat is
 * around it, the link names the page, so it is opened. Only when the line was otherwise read as a read,
 * a question or nothing understood, and asks no write (a write keeps its own reading).
 */

/** Readings a link in the line replaces: reads, questions and nothing understood. */
const REPLACEABLE = new Set(['search', 'get', 'unclear', 'question']);
/** A link to a wiki page (not any web address: "set the link to https://vpn.example.com" is text). */
const WIKI_LINK = /\/wiki\/|\/pages\/|pageId=|atlassian\.net\//i;
/** Verbs of a write: with one, the link is what is written to or about. Kept as data. */
const WRITE_WORDS =
  /\b(?:update|edit|add|append|replace|change|rename|delete|remove|move|create|make|write|put|insert|fix|correct|archive|copy|merge|restore|swap|retitle|title|section|body|publish)\b/i;
/** Longest line read (a link and a few sentences of chat). */
const MAX_LINE = 600;

/** The get of the page linked in `line` when `intent` may be replaced by it (see the module comment); else `intent`. */
export function withLinkedPage(line: string, intent: Intent): Intent {
  if (!REPLACEABLE.has(readingKind(intent)) || line.length > MAX_LINE) return intent;
  if (
    intent.kind === 'operation' &&
    intent.request.operation === 'get' &&
    intent.request.ref.kind !== 'title'
  )
    return intent;
  const url = findUrl(line);
  if (url === undefined || !WIKI_LINK.test(url)) return intent;
  if (WRITE_WORDS.test(line.replace(url, ' '))) return intent;
  return { kind: 'operation', request: { operation: 'get', ref: { kind: 'url', url } } };
}
