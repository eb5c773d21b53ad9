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
  if (plain.length > 5 && plain.endsWith('ed') && !plain.endsWith('eed')) {
    const base = plain.slice(0, -2);
    return /([b-df-hj-np-tv-z])\1$/.test(base) && !/(?:ll|ss|ff|zz)$/.test(base) ? base.slice(0, -1) : base;
  }
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

/** A Markdown link; its words are only a pointer to another page, so they count half. */
const LINK = /\[[^\]]*\]\([^)]*\)/g;
/** A bold run right after "see"/":" — how unresolved page links are rendered. */
const BOLD_TITLE = /(?<=(?:see|:)\s*)\*\*[^*]+\*\*/gi;

function cellsOf(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** A table row as `Header: value · Header: value`, so a quoted row makes sense on its own. */
function describeRow(header: string, row: string): string {
  const names = cellsOf(header);
  return cellsOf(row)
    .map((value, i) => (names[i] ? `${names[i]}: ${value}` : value))
    .filter((cell) => !/:\s*$/.test(cell))
    .join(' · ');
}

/** Stems of every word in `text`; hyphenated words also count by their parts (`on-call` → `on`, `call`). */
function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    stems.add(stem(word));
    if (word.includes('-')) for (const part of word.split('-')) if (part) stems.add(stem(part));
  }
  return stems;
}

/**
 * Splits Markdown into passages (paragraphs, list items, table rows) and ranks them by the
 * question's keywords: each keyword counts 1 when the passage contains it, 0.75 when only its
 * heading does and 0.5 when only the page title does (a passage must contain at least one keyword
 * itself; words inside a link count half). Numbers weigh a little extra because questions often ask
 * for a figure; passages that are little more than a link weigh less. Pure; returns at most `limit` passages with score > 0.
 */
export function findPassages(
  markdown: string,
  keywords: readonly string[],
  limit = 3,
  context: { readonly title?: string } = {},
): Passage[] {
  if (keywords.length === 0) return [];
  const titleStems = stemsOf(context.title ?? '');
  const passages: Passage[] = [];
  let heading: string | undefined;
  let headingStems = new Set<string>();
  const blocks = markdown.split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const units: { text: string; heading?: string; headingStems: Set<string> }[] = [];
    let tableHeader: string | undefined;
    for (const line of lines) {
      const headingMatch = /^#{1,6}\s+(.*)$/.exec(line.trim());
      if (headingMatch) {
        heading = headingMatch[1]?.trim();
        headingStems = stemsOf(heading ?? '');
        continue;
      }
      const last = units[units.length - 1];
      if (/^\s*\|/.test(line)) {
        if (/^\s*\|?\s*:?-{3,}/.test(line)) continue;
        if (tableHeader === undefined) {
          tableHeader = line.trim();
          continue;
        }
        units.push({ text: describeRow(tableHeader, line), ...(heading ? { heading } : {}), headingStems });
      } else if (/^\s*([-*+]|\d+\.)\s+/.test(line) || !last || /^\s*$/.test(line)) {
        units.push({ text: line.trim(), ...(heading ? { heading } : {}), headingStems });
      } else {
        last.text += ` ${line.trim()}`;
      }
    }
    for (const unit of units) {
      if (unit.text.length < 3 || /^\|?\s*:?-{3,}/.test(unit.text)) continue;
      const words = stemsOf(unit.text.replace(LINK, ' ').replace(BOLD_TITLE, ' '));
      const linkWords = stemsOf(unit.text);
      let direct = 0;
      let score = 0;
      for (const keyword of keywords) {
        if (words.has(keyword)) {
          direct += 1;
          score += 1;
        } else if (linkWords.has(keyword)) {
          direct += 1;
          score += 0.5;
        } else if (unit.headingStems.has(keyword)) score += 0.75;
        else if (titleStems.has(keyword)) score += 0.5;
      }
      if (direct === 0) continue;
      if (/\d/.test(unit.text.replace(LINK, ' '))) score += 0.25;
      for (const keyword of keywords) if (titleStems.has(keyword)) score += 0.1;
      const plainWords = unit.text.replace(LINK, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
      if (plainWords.length < 4) score -= 0.5;
      passages.push({
        text: unit.text.slice(0, 600),
        score,
        ...(unit.heading ? { heading: unit.heading } : {}),
      });
    }
  }
  return passages.sort((a, b) => b.score - a.score).slice(0, limit);
}
