/**
 * "open the page about feature flags", "show me the doc on database failover", "pull up the thing about
 * salary bands": after a verb that opens, "the" and one (singular) document noun say the asker means one
 * page, and the words after "about" are how they name it, so that page is opened by those words. Pages,
 * docs, "a page about X" and "any doc on X" stay searches (any page on the topic would do), and so does
 * "find the page about X" (a search's verb never reaches this reader).
 */

/** "the (wiki) page|doc|document|article|thing|write-up about|on|regarding (the)": the words before the name. */
const ONE_PAGE_ABOUT =
  /^(?:the|teh|da|our)\s+(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article|thing|write-?up)\s+(?:about|on|regarding|re|concerning|covering)\s+(?:(?:the|our)\s+)?(?=\S)/i;

/** The name after {@link ONE_PAGE_ABOUT} ("feature flags, the rollout is today"), or `undefined` when the words do not start so. */
export function nameAfterOnePageAbout(text: string): string | undefined {
  const lead = ONE_PAGE_ABOUT.exec(text);
  return lead ? text.slice(lead[0].length) : undefined;
}
