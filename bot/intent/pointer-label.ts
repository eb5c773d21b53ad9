/**
 * "(open) this for me please: Wi-Fi and Printers", "(could you open) for me: Trademark Guidelines",
 * "(open) for me pls - Contract Templates", "(show) this one → Team Rituals": what is opened pointed at
 * and given after a colon, dash or arrow, with only courtesy before it. The words before the mark are
 * no part of the page's name. Read word by word over a short lead: linear.
 */

/** Words a lead before the mark may hold: pointing words and courtesy. Kept as data. */
const LEAD_WORDS = new Set(
  'this that it one the following page doc for me us please pls plz kindly quickly quick now again real'.split(
    ' ',
  ),
);
/** The mark between the lead and the name. */
const MARK = /^(?::|[-–—]|->|→|=>)$/;
/** Most words in such a lead. */
const MAX_LEAD_WORDS = 6;

/** `text` without a lead of pointing and courtesy words ending in a colon, dash or arrow; else unchanged. */
export function withoutPointerLabel(text: string): string {
  const words = text.slice(0, 80).split(/(\s+)/);
  let at = 0;
  let count = 0;
  for (const part of words) {
    if (/^\s+$/.test(part) || part === '') {
      at += part.length;
      continue;
    }
    const colon = part.endsWith(':') && part.length > 1;
    const word = (colon ? part.slice(0, -1) : part).toLowerCase();
    if (MARK.test(part) || colon) {
      const known = colon ? LEAD_WORDS.has(word) : true;
      const rest = text.slice(at + part.length).trim();
      return known && /[\p{L}\p{N}]/u.test(rest) ? rest : text;
    }
    if (!LEAD_WORDS.has(word) || count >= MAX_LEAD_WORDS) return text;
    count += 1;
    at += part.length;
  }
  return text;
}
