/** A passage of a page: one paragraph, list item, table row or code block, with its context. */
export interface PagePassage {
  /** The text as it can be quoted (Markdown; a table row as `Header: value · Header: value`). */
  readonly text: string;
  /** The heading it sits under, when there is one. */
  readonly heading?: string;
  /** 0-based position in the page (ties rank earlier passages first). */
  readonly index: number;
  /** For a list item: which list of the page it belongs to (items of one list share it). */
  readonly list?: number;
}

/** Most passages taken from one page; the rest of a very long page is not ranked. */
export const MAX_PASSAGES_PER_PAGE = 400;
/** Longest passage kept; longer paragraphs are split at sentence ends into parts about this long. */
export const MAX_PASSAGE_CHARS = 500;

const HEADING = /^#{1,6}\s+(.*)$/;
/** A line that is only bold text: an expand macro's title or a panel title, used as a sub-heading. */
const BOLD_LINE = /^\*\*([^*]+)\*\*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const TABLE_RULE = /^\|?\s*:?-{3,}/;
const SKIPPED = /^(?:_\(table of contents\)_|\[(?:image|attachment|macro): [^\]]*\])$/;

function cellsOf(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** A table row with its column headers: `Primary: Ada · Secondary: Bob` (empty cells left out). */
function describeRow(header: readonly string[], row: string): string {
  return cellsOf(row)
    .map((value, i) => (value === '' ? '' : header[i] ? `${header[i]}: ${value}` : value))
    .filter((cell) => cell !== '')
    .join(' · ');
}

/** Splits a long paragraph at sentence ends into parts of at most about MAX_PASSAGE_CHARS. */
function splitLong(text: string): string[] {
  if (text.length <= MAX_PASSAGE_CHARS) return [text];
  const sentences = text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [text];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > MAX_PASSAGE_CHARS) {
      parts.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts.map((part) => part.slice(0, MAX_PASSAGE_CHARS * 2));
}

/**
 * Splits page Markdown (as `storageToMarkdown` writes it) into passages: paragraphs (long ones at
 * sentence ends), list and task items, table rows with their column headers, panels without the
 * quote marks, code blocks as one passage. List items know their list. Each carries the heading above it (a bold-only line,
 * such as an expand title, counts as a sub-heading). Tables of contents, images and macro
 * placeholders are left out. One pass over the lines; at most MAX_PASSAGES_PER_PAGE passages. Pure.
 */
export function splitPassages(markdown: string): PagePassage[] {
  const passages: PagePassage[] = [];
  let heading: string | undefined;
  let paragraph: string[] = [];
  let tableHeader: string[] | undefined;
  let code: string[] | undefined;
  let lists = 0;
  let list: number | undefined;
  let inItem = false;
  const push = (text: string, inList?: number): void => {
    const trimmed = text.trim();
    if (trimmed.length < 3 || SKIPPED.test(trimmed) || passages.length >= MAX_PASSAGES_PER_PAGE) return;
    for (const part of splitLong(trimmed)) {
      if (passages.length >= MAX_PASSAGES_PER_PAGE) return;
      passages.push({
        text: part,
        ...(heading ? { heading } : {}),
        index: passages.length,
        ...(inList === undefined ? {} : { list: inList }),
      });
    }
  };
  const flush = (): void => {
    if (paragraph.length > 0) push(paragraph.join(' '), inItem ? list : undefined);
    paragraph = [];
    inItem = false;
  };
  const endList = (): void => {
    list = undefined;
  };
  for (const rawLine of markdown.split('\n')) {
    if (passages.length >= MAX_PASSAGES_PER_PAGE) break;
    if (code !== undefined) {
      if (/^\s*```/.test(rawLine)) {
        push(
          code
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => `\`${line.replace(/`/g, "'")}\``)
            .join(' '),
        );
        code = undefined;
      } else code.push(rawLine);
      continue;
    }
    const line = rawLine.replace(/^(?:\s*>\s?)+/, '').trim();
    if (/^```/.test(line)) {
      flush();
      code = [];
      continue;
    }
    if (line === '') {
      flush();
      endList();
      tableHeader = undefined;
      continue;
    }
    const headingMatch = HEADING.exec(line) ?? BOLD_LINE.exec(line);
    if (headingMatch) {
      flush();
      endList();
      heading = headingMatch[1]?.trim() || undefined;
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      endList();
      if (TABLE_RULE.test(line)) continue;
      if (tableHeader === undefined) tableHeader = cellsOf(line);
      else push(describeRow(tableHeader, line));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      list ??= lists++;
      inItem = true;
      paragraph = [item[1] ?? ''];
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return passages;
}
