import { isElement, type Step, type StorageElement, type StorageNode } from './storage-markdown-dom.js';
import type { StorageRenderer } from './storage-markdown-render.js';
import { toCellText } from './storage-markdown-rules.js';

/* Tables of the storage → Markdown renderer: GitHub-style pipe tables, one line per row. */

/** Column count, first row and element of one table. */
export interface TableLayout {
  readonly table: StorageElement;
  readonly width: number;
  readonly firstRow: StorageElement | undefined;
}

function cellCount(row: StorageElement): number {
  let count = 0;
  for (const child of row.children)
    if (isElement(child) && (child.name === 'th' || child.name === 'td')) count++;
  return count;
}

function isSection(node: StorageNode | null): node is StorageElement {
  return isElement(node) && (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot');
}

/** Width and first row of a table from its own rows (not those of tables nested in its cells). */
function tableLayout(table: StorageElement): TableLayout {
  let width = 1;
  let firstRow: StorageElement | undefined;
  const visitRow = (row: StorageNode) => {
    if (!isElement(row) || row.name !== 'tr') return;
    firstRow ??= row;
    width = Math.max(width, cellCount(row));
  };
  for (const child of table.children) {
    if (isSection(child)) child.children.forEach(visitRow);
    else visitRow(child);
  }
  return { table, width, firstRow };
}

/** Steps of a table: rows padded to its widest row, a separator after the first. */
export function tableSteps(r: StorageRenderer, element: StorageElement): Step[] {
  const open = () => {
    r.writer.boundary();
    r.writer.requestBreak(2);
    r.tables.push(tableLayout(element));
  };
  const close = () => {
    r.tables.pop();
    r.writer.boundary();
    r.writer.requestBreak(2);
  };
  return r.enclose('table', element.children, open, close);
}

/** Steps of a table row: `|`, its cells, padding to the table's width. */
export function rowSteps(r: StorageRenderer, row: StorageElement): Step[] {
  const cells = cellCount(row);
  let width = Math.max(1, cells);
  let first = true;
  const open = () => {
    const layout = r.tables.at(-1);
    const parent = row.parent;
    if (layout && (parent === layout.table || (isSection(parent) && parent.parent === layout.table))) {
      width = layout.width;
      first = layout.firstRow === row;
    }
    r.writer.boundary();
    r.writer.writeRaw('|');
  };
  const close = () => {
    if (width > cells) r.writer.writeRaw(' |'.repeat(width - cells));
    r.writer.boundary();
    r.writer.requestBreak(1);
    if (first) {
      r.writer.writeRaw(`|${' --- |'.repeat(width)}`);
      r.writer.requestBreak(1);
    }
  };
  return r.enclose('tr', row.children, open, close);
}

/** Steps of a table cell: rendered into a writer of its own, then written as one line. */
export function cellSteps(r: StorageRenderer, inner: readonly Step[]): Step[] {
  const open = () => r.enterCell();
  const close = () => {
    const text = toCellText(r.leaveCell().finish());
    r.writer.writeRaw(` ${text} |`);
  };
  return r.enclose('td', inner, open, close);
}
