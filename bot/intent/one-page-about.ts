/**
 * "open the page about feature flags", "show me the doc on database failover", "pull up the thing about
 * salary bands": after a verb that opens, "the" and one (singular) document noun say the asker means one
 * page, and the words after "about" are how they name it, so that page is opened by those words. Pages,
 * docs, "a page about X" and "any doc on X" stay searches (any page on the topic would do), and so does
 * "find the page about X" (a search's verb never reaches this reader).
 */

/**
 * Where a page is shown or kept, after "on" ("the page on screen", "the doc on my laptop", "the page on the
 * left"): no topic. Kept as data.
 */
const PLACE_AFTER_ON =
  /^(?:my|your|ur|our|his|her|their|this|that|it|screen|mobile|phone|desktop|laptop|confluence|wiki|teams|slack|the\s+(?:left|right|top|bottom|screen|wiki|intranet|web|board|wall|shared\s+drive))\b/i;

/** "the (wiki) page|doc|document|article|thing|write-up about|on|regarding (the)": the words before the name. */
const ONE_PAGE_ABOUT =
  /^(?:the|teh|da|our)\s+(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article|thing|write-?up)\s+(?:about|(on)|regarding|concerning|covering)\s+(?=\S)/i;

/** The name after {@link ONE_PAGE_ABOUT} ("feature flags, the rollout is today"), or `undefined` when the words do not start so. */
export function nameAfterOnePageAbout(text: string): string | undefined {
  const lead = ONE_PAGE_ABOUT.exec(text);
  if (!lead) return undefined;
  const rest = text.slice(lead[0].length);
  if (lead[1] !== undefined && PLACE_AFTER_ON.test(rest)) return undefined;
  return rest.replace(/^(?:the|our)\s+(?=\S)/i, '');
}
