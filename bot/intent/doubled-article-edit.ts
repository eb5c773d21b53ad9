import type { Intent } from './types.js';

/*
 * "Add the the following to the Release Notes page: …", "replace all the the content of X by: …": an
 * article typed twice (predictive text) in an edit's command words. The message said once is kept only
 * when it reads as an edit of a page named after the doubled article: text for a page after the name
 * ("… saying the the end") is the user's own and never changed. Two index searches: linear.
 */

/** The first "the the" of a message. */
const DOUBLED_THE = /\b(?:the)\s+the\b/i;

/** The page an update names by title words, or undefined. */
function updatedPageWords(intent: Intent): string | undefined {
  if (intent.kind !== 'page-by-name' && intent.kind !== 'operation') return undefined;
  if (intent.request.operation !== 'update') return undefined;
  const ref = intent.request.ref;
  return ref.kind === 'title-search' ? ref.words : ref.kind === 'id' ? ref.id : undefined;
}

/** True when `readOnce` (the message said once) is an edit whose page is named after the doubled article of `typed`. */
export function isEditSaidOnce(typed: string, once: string, readOnce: Intent): boolean {
  const words = updatedPageWords(readOnce);
  const doubled = DOUBLED_THE.exec(typed);
  if (words === undefined || !doubled) return false;
  const named = once.indexOf(words);
  return named >= 0 && doubled.index < named;
}
