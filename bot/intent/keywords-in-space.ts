/**
 * What counts of a few topic words asked with a question mark ("kafka runbook?"): a space said after
 * them ("salary bands 2025 in HR?") names where to look, and a document noun at the end ("tf remote
 * state locking docs?") says what is looked for; neither makes the line longer or a sentence. ("in"
 * alone would make the line a sentence; said before a department's key in capitals it only says where.)
 */
import { isDepartmentWord } from './space-names.js';

/** " in KEY" / " from the KEY space" at the end of the words: group 1 the key (capitals, as typed). */
const SPACE_AT_END = /\s(?:in|from|inside)\s+(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?$/;

/** A document noun ending the words ("… docs", "… page"). Kept as data. */
const DOC_NOUN_AT_END = /\s(?:docs?|documents?|documentation|pages?|wiki|runbooks?|guides?)$/i;

/** `core` without a department's key said at its end ("salary bands in HR" → "salary bands"), or as it is. */
export function withoutSpaceAtEnd(core: string): string {
  const match = SPACE_AT_END.exec(core.trim());
  if (!match || !isDepartmentWord(match[1]!)) return core;
  return core.trim().slice(0, match.index);
}

/** The topic words of a keyword question: without a space or a document noun at the end. */
export function keywordQueryWords(core: string): string {
  return withoutSpaceAtEnd(core).trim().replace(DOC_NOUN_AT_END, '');
}
