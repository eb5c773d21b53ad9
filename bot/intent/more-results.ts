/**
 * More results asked in words the follow-up patterns do not read ("show all results", "expand the
 * results", "dig deeper", "keep looking", "another batch", "nxt pg"): the list shown goes on, never a search for "deeper"
 * or a page called "next". Whole short lines only.
 */
const MORE_IN_OTHER_WORDS =
  /^(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:(?:show|see|list|view|get|give|display|send)\s+(?:me\s+|us\s+)?(?:all|everything|the\s+(?:full|whole|complete|entire)\s+(?:list|results)|all\s+(?:the\s+|of\s+the\s+)?(?:results|hits|matches))(?:\s+(?:results|hits|matches))?|(?:expand|widen|broaden|extend)\s+(?:the\s+|my\s+)?(?:results|list|search)|(?:dig|search|look)\s+(?:a\s+(?:bit|little)\s+)?(?:deeper|further)|keep\s+(?:looking|searching|digging)|(?:(?:show|give|get|send|load)\s+(?:me\s+|us\s+)?)?(?:another|a\s+(?:new|further))\s+(?:batch|set|round|lot|load|bunch)(?:\s+of\s+(?:results|them|those|hits))?|(?:nxt|next)\s+(?:pg|pge|pag))(?:\s+(?:pls|please|plz))?$/i;

/** True for a short line asking for more of the results in other words (see above). */
export function isMoreInOtherWords(text: string): boolean {
  return text.length <= 60 && MORE_IN_OTHER_WORDS.test(text.trim());
}
