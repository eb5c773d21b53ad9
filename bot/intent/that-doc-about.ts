/**
 * "that doc about kafka consumer lag", "this page on remote work", "that document regarding the VPN
 * setup": a demonstrative and a document noun point at one page the asker has in mind, and the words
 * after "about" are how they name it, so the page is opened by those words. "the one about X", "a page
 * about X" and "pages about X" stay searches (any page on the topic would do).
 */

/** "that/this (wiki) doc|page|document|article about|on|regarding|re|for (the)": the pointing words before the name. */
const THAT_DOC_ABOUT =
  /^(?:that|this|dat|dis)\s+(?:(?:confluence|wiki)\s+)?(?:doc|page|document|article|(runbook|guide|policy))\s+(?:about|on|regarding|re|concerning|covering|for)\s+(?:the\s+)?(?=\S)/i;

/**
 * The name after {@link THAT_DOC_ABOUT} ("kafka consumer lag, alerts r firing"), with a kind of document
 * said before it kept after it ("that runbook for kafka lag" → "kafka lag runbook"), or `undefined` when
 * the words do not start so.
 */
export function nameAfterThatDoc(text: string): string | undefined {
  const lead = THAT_DOC_ABOUT.exec(text);
  if (!lead) return undefined;
  const rest = text.slice(lead[0].length);
  if (lead[1] === undefined) return rest;
  const end = rest.search(/[,;.!?(]|\s[-–—]\s/);
  return end < 0 ? `${rest} ${lead[1]}` : `${rest.slice(0, end)} ${lead[1]}${rest.slice(end)}`;
}

/** True when `text` holds a pointing "that/this doc about …" (see {@link THAT_DOC_ABOUT}) anywhere a word starts. */
export function pointsAtDocAbout(text: string): boolean {
  return /\b(?:that|this)\s+(?:(?:confluence|wiki)\s+)?(?:doc|page|document|article)\s+(?:about|on|regarding|re|concerning|covering)\s+\S/i.test(
    text,
  );
}
