/** A passage of a page that may answer a question. */
export interface Passage {
  readonly text: string;
  readonly score: number;
  /** The heading the passage sits under, when there is one. */
  readonly heading?: string;
}

const STOPWORDS = new Set(
  `a an and are as at be by can could did do does for from get got has have how i if in into is it its me my of on
  or our ours please should so tell than that the their them then there these they this to us was we were what when
  where which who whom why will with would you your about any anyone confluence page pages doc docs wiki find know
  does much many`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lower-cases, strips accents from Latin letters (other scripts keep their marks: ポ stays ポ), drops a
 * possessive `'s`, and strips a few English suffixes so "weeks" matches "week".
 */
export function stem(word: string): string {
  const plain = word
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/'s?$/, '');
  if (plain.length > 5 && plain.endsWith('ing')) return plain.slice(0, -3);
  if (plain.length > 4 && plain.endsWith('ies')) return `${plain.slice(0, -3)}y`;
  if (plain.length > 3 && plain.endsWith('s') && !plain.endsWith('ss')) return plain.slice(0, -1);
  return plain;
}

/** The meaningful words of a question, stemmed and de-duplicated, in order. */
export function keywordsOf(question: string): string[] {
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower) || lower.length < 2) continue;
    const stemmed = stem(lower);
    if (STOPWORDS.has(stemmed) || stemmed.length < 2) continue;
    if (!seen.has(stemmed)) {
      seen.add(stemmed);
      result.push(stemmed);
    }
  }
  return result.slice(0, 12);
}

/**
 * Splits Markdown into passages (paragraphs, list items, table rows) and ranks them by how many of
 * the question's keywords they contain (each keyword counted once, numbers weigh a little extra
 * because questions often ask for a figure). Pure; returns at most `limit` passages with score > 0.
 */
export function findPassages(markdown: string, keywords: readonly string[], limit = 3): Passage[] {
  if (keywords.length === 0) return [];
  const passages: Passage[] = [];
  let heading: string | undefined;
  const blocks = markdown.split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const units: string[] = [];
    for (const line of lines) {
      const headingMatch = /^#{1,6}\s+(.*)$/.exec(line.trim());
      if (headingMatch) {
        heading = headingMatch[1]?.trim();
        continue;
      }
      if (/^\s*([-*+]|\d+\.)\s+/.test(line) || /^\s*\|/.test(line)) units.push(line.trim());
      else if (units.length > 0 && !/^\s*$/.test(line)) units[units.length - 1] += ` ${line.trim()}`;
      else units.push(line.trim());
    }
    for (const unit of units) {
      if (unit.length < 3 || /^\|?\s*:?-{3,}/.test(unit)) continue;
      const words = new Set((unit.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map(stem));
      let score = 0;
      for (const keyword of keywords) if (words.has(keyword)) score += 1;
      if (score > 0 && /\d/.test(unit)) score += 0.25;
      if (score > 0) passages.push({ text: unit.slice(0, 600), score, ...(heading ? { heading } : {}) });
    }
  }
  return passages.sort((a, b) => b.score - a.score).slice(0, limit);
}
