import { markdownToStorage } from './markdown-to-storage.js';
import type { LocatedEditResult, StorageHeading } from './storage-edit.js';
import { invalid, normaliseSpaces, protectedElements, quote, splice } from './storage-edit-shared.js';
import {
  type LocatedElement,
  locatedTextContent,
  parseStorageTree,
  type StorageTree,
  walkElements,
} from './storage-tree.js';

/*
 * Headings and the `section` edit: the page's headings (outside macros), and replacing what
 * follows one heading up to the next heading of the same or a higher level.
 */

const HEADING_NAME = /^h([1-6])$/i;

/** Lists the page's headings (h1–h6) in document order. Never throws. */
export function listHeadings(storage: string): StorageHeading[] {
  return locateHeadings(parseStorageTree(storage)).map(({ level, text }) => ({ level, text }));
}

interface LocatedHeading extends StorageHeading {
  readonly element: LocatedElement;
}

function locateHeadings(tree: StorageTree): LocatedHeading[] {
  const insideProtected = protectedElements(tree);
  return walkElements(tree.roots).flatMap((element) => {
    const match = HEADING_NAME.exec(element.name);
    if (!match || insideProtected.has(element)) return [];
    const text = normaliseSpaces(locatedTextContent(element)).replace(/\s+/g, ' ').trim();
    return [{ level: Number(match[1]), text, element }];
  });
}

function normaliseHeading(text: string): string {
  return normaliseSpaces(text)
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function sectionEnd(tree: StorageTree, heading: LocatedHeading): number {
  const parent = heading.element.parent;
  const siblings = parent ? parent.children : tree.roots;
  const index = siblings.indexOf(heading.element);
  for (const sibling of siblings.slice(index + 1)) {
    if (sibling.kind !== 'element') continue;
    const match = HEADING_NAME.exec(sibling.name);
    if (match && Number(match[1]) <= heading.level) return sibling.start;
  }
  return parent ? parent.closeStart : tree.source.length;
}

/** Replaces the section under the one heading matching `headingText` (case and spaces ignored). */
export function replaceSection(storage: string, headingText: string, markdown: string): LocatedEditResult {
  const wanted = normaliseHeading(headingText);
  if (wanted === '') throw invalid('Tell me which heading the section starts at.');
  const tree = parseStorageTree(storage);
  const headings = locateHeadings(tree);
  const found = headings.filter((heading) => heading.text.toLowerCase() === wanted);
  if (found.length === 0) {
    if (headings.length === 0)
      throw invalid(`The page has no headings, so there is no section ${quote(headingText)}.`);
    const names = headings.slice(0, 20).map((heading) => quote(heading.text));
    const more = headings.length > 20 ? ` and ${headings.length - 20} more` : '';
    throw invalid(
      `There is no heading ${quote(headingText)} on the page. Headings: ${names.join(', ')}${more}.`,
    );
  }
  const [heading] = found;
  if (!heading || found.length > 1) {
    throw invalid(
      `The heading ${quote(headingText)} appears ${found.length} times on the page, so the section is ambiguous. Use a find/replace edit instead.`,
    );
  }
  const content = markdownToStorage(markdown);
  const start = heading.element.end;
  const end = Math.max(start, sectionEnd(tree, heading));
  const output = splice(storage, start, end, content);
  return {
    storage: output,
    changed: output !== storage,
    splices: [{ start, end, insertLength: content.length }],
    tree,
    summary:
      content === ''
        ? `Emptied the section under heading ${quote(heading.text)}.`
        : `Replaced the section under heading ${quote(heading.text)}.`,
  };
}
