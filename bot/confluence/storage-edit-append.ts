import type { LocatedEditResult } from './storage-edit.js';
import { convertNew, splice } from './storage-edit-shared.js';
import { type LocatedElement, parseStorageTree } from './storage-tree.js';

/* The `append` edit: new content at the end of the page, inside the last layout cell when there is one. */

function lastChild(element: LocatedElement | undefined, name: string): LocatedElement | undefined {
  const children = element ? element.children : [];
  return children
    .filter((child): child is LocatedElement => child.kind === 'element' && child.name === name)
    .at(-1);
}

/** Appends `markdown` (converted) at the end of the page or of its last layout cell. */
export function appendContent(storage: string, markdown: string): LocatedEditResult {
  const addition = convertNew(markdown, 'text to append');
  const tree = parseStorageTree(storage);
  const layout = tree.roots
    .filter((node): node is LocatedElement => node.kind === 'element' && node.name === 'ac:layout')
    .at(-1);
  const cell = lastChild(lastChild(layout, 'ac:layout-section'), 'ac:layout-cell');
  if (cell && cell.closeStart > cell.start && cell.end > cell.openEnd) {
    return {
      storage: splice(storage, cell.closeStart, cell.closeStart, addition),
      changed: true,
      summary: 'Appended new content at the end of the page (in the last layout cell).',
      splices: [{ start: cell.closeStart, end: cell.closeStart, insertLength: addition.length }],
      tree,
    };
  }
  return {
    storage: storage + addition,
    changed: true,
    summary: 'Appended new content at the end of the page.',
    splices: [{ start: storage.length, end: storage.length, insertLength: addition.length }],
    tree,
  };
}
