/**
 * "I am searching the page Local Development Setup, where it is?", "I'm looking for the Laptop Setup
 * page, where is it?", "… but I can't find it": a search said as a wish, then asked where the one thing
 * sought is. Asking where
 * "it" is means one page is meant, so a page named on its own (see `namedPage` in parse-message.ts) is
 * opened; without the question ("looking for the onboarding page") the words stay a search. Kept as
 * data: the wish's verbs and the question's forms. Linear: anchored patterns.
 */

/** The wish to search, as courtesy stripping leaves it ("searching", "looking for", "search for"). */
const SEARCH_WISH =
  /^(?:search(?:ing)?|look(?:ing)?\s+for|hunt(?:ing)?\s+for|seek(?:ing)?)(?:\s+for)?\s+(?=\S)/i;
/**
 * "…, where is it?", "… where it is?", "…, where can I find it?", "…, where is?", "… but I can't find
 * it (anywhere)" at the end of the line: one thing sought and not found.
 */
const WHERE_IS_IT_END =
  /[\s,;:.!?-]+(?:(?:so|but|and)\s+)?(?:where\s+(?:is\s+it|it\s+is|'s\s+it|is\s+it\s+located|(?:can|do|could)\s+i\s+(?:find|get|see)\s+it|is)|(?:i\s+)?(?:can'?t|cannot|couldn'?t|couldnt|don'?t|dont|do\s+not)\s+find\s+it(?:\s+anywhere)?)[\s?!.]*$/i;
/** Longest line read here: a request of one sentence. */
const MAX_LINE = 300;

/**
 * The words naming what is sought in `core` (the line with courtesy taken off), when `line` (as typed)
 * ends by asking where it is; else `undefined`.
 */
export function soughtPageAskedWhere(line: string, core: string): string | undefined {
  if (line.length > MAX_LINE || !WHERE_IS_IT_END.test(line)) return undefined;
  const wish = SEARCH_WISH.exec(core);
  if (!wish) return undefined;
  const sought = core.slice(wish[0].length).replace(WHERE_IS_IT_END, '');
  return sought.length > 0 ? sought : undefined;
}
