import { DEPARTMENT_WORD_SOURCE, isDepartmentWord } from './space-names.js';

/*
 * The space said right after the name of a page to edit, in words ("update Performance Reviews People & HR",
 * "update Sales Playbook Sales", "add "x" to Team Rituals in Engineering"): a space's name of two department
 * words ("People & HR", "IT & Operations") with or without "in", or one capitalised department word after a
 * title in capitals. Said of a page to write to, it places the page; it is marked as a space ("in the Sales
 * space") so the space directory resolves it, or leaves the words as typed when no space has that name.
 * Department words are data (space-names.ts). Only the last few words are read; the runs are bounded.
 */

/** Small words after which a department word belongs to the title ("Head of Sales", "Onboarding for Engineering"). */
const TITLE_LINK_WORDS = /^(?:of|for|the|to|and|&|a|an|at|on|by|with|from|our|my|your)$/i;

/** Two department words joined ("People & HR", "IT and Operations"), with "in" or not, at the end of the name. */
const PAIRED_NAME_AT_END = new RegExp(
  String.raw`^([^\n]{1,200}?\S)\s+(?:in\s+(?:the\s+)?)?((?:${DEPARTMENT_WORD_SOURCE})\s+(?:&|and)\s+(?:${DEPARTMENT_WORD_SOURCE}))$`,
  'i',
);
/** One word at the end, "in" before it or not, after the words before it. */
const WORD_AT_END = /^([^\n]{1,200}?\S)\s+(in\s+)?(\S+)$/;

/** `words` with a space's name at its end marked as a space ("X in the People & HR space"), or `undefined`. */
export function spaceAfterPageName(words: string): string | undefined {
  if (/\bspace$/i.test(words) || !/\p{Lu}/u.test(words)) return undefined;
  const paired = PAIRED_NAME_AT_END.exec(words);
  if (paired) return `${paired[1]} in the ${paired[2]} space`;
  const single = WORD_AT_END.exec(words);
  if (!single) return undefined;
  const [, before, inWord, word] = single as unknown as [string, string, string | undefined, string];
  const lastBefore = before.split(/\s+/).at(-1) ?? '';
  const titleBefore = /^[\p{Lu}\p{N}]/u.test(lastBefore) && !TITLE_LINK_WORDS.test(lastBefore);
  const proper = /^\p{Lu}\p{Ll}+$/u.test(word) && isDepartmentWord(word);
  return proper && (titleBefore || inWord) ? `${before} in the ${word} space` : undefined;
}
