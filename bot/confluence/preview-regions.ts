import type { StorageSplice } from './storage-edit.js';
import { storageToMarkdown } from './storage-to-markdown.js';
import { type LocatedElement, type LocatedNode, parseStorageTree, type StorageTree } from './storage-tree.js';

/*
 * The update preview built from the changed part of a page only. The page is cut into units — its
 * top-level blocks, and the rows of a top-level table — and only the units around the change are
 * converted to Markdown (before and after the edit), plus the units before and after them when
 * they are small enough to count their lines cheaply.
 */

/** Unchanged units converted on each side of the changed ones (the card keeps 2 lines of context). */
const CONTEXT_UNITS = 2;

/**
 * Storage converted from the first changed unit on, per side, before the preview stops: four times
 * the 8,000 characters a preview keeps, so text-heavy pages fill it; the rest of the change is
 * then only announced ("preview shortened").
 */
const WINDOW_STORAGE_CHARS = 32 * 1024;

/**
 * Unchanged storage before (or after) the converted window whose lines are still counted for the
 * "… N unchanged lines" gap; beyond it the gap is shown without a number.
 */
const COUNT_STORAGE_CHARS = 64 * 1024;

/** A block of the page, or a row of a top-level table, located in the original storage. */
interface Unit {
  readonly start: number;
  readonly end: number;
  /** Set for a table row: its table and its index among the table's rows. */
  readonly table?: { readonly element: LocatedElement; readonly rows: readonly LocatedElement[] };
  readonly row?: number;
  /** Whitespace-only text: never context, never counted. */
  readonly blank: boolean;
}

/** Markdown of the page around the change, and how many lines were left out on each side. */
export interface RegionText {
  readonly before: string;
  readonly after: string;
  /** Lines before `before`/`after`; undefined when too many to count cheaply. */
  readonly leadingLines: number | undefined;
  /** Lines after them, likewise; 0 when `shortened`. */
  readonly trailingLines: number | undefined;
  /** The converted window stopped before the last change. */
  readonly shortened: boolean;
}

function rowsOf(table: LocatedElement): LocatedElement[] | undefined {
  const rows: LocatedElement[] = [];
  const visit = (nodes: readonly LocatedNode[], inSection: boolean): boolean => {
    for (const node of nodes) {
      if (node.kind === 'text') {
        if (node.raw.trim() !== '') return false;
      } else if (node.name === 'tr') rows.push(node);
      else if (!inSection && (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot')) {
        if (!visit(node.children, true)) return false;
      } else return false;
    }
    return true;
  };
  return visit(table.children, false) && rows.length > 0 ? rows : undefined;
}

function unitsOf(tree: StorageTree): Unit[] {
  const units: Unit[] = [];
  for (const node of tree.roots) {
    const rows = node.kind === 'element' && node.name === 'table' ? rowsOf(node) : undefined;
    if (node.kind === 'element' && rows) {
      const table = { element: node, rows };
      rows.forEach((row, index) => {
        units.push({ start: row.start, end: row.end, table, row: index, blank: false });
      });
    } else {
      units.push({ start: node.start, end: node.end, blank: node.kind === 'text' && node.raw.trim() === '' });
    }
  }
  return units;
}

function toLines(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/**
 * Offsets of the original mapped to the edited storage: a position moves by the length change of
 * every splice that starts before it (an insertion at a unit boundary belongs to the unit after it,
 * except at the very end). Positions inside a splice never occur: windows end on unit boundaries
 * outside splices.
 */
function offsetMapper(splices: readonly StorageSplice[], beforeLength: number, afterLength: number) {
  return (at: number): number => {
    if (at >= beforeLength) return afterLength;
    let shift = 0;
    for (const splice of splices) {
      if (splice.start >= at) break;
      shift += splice.insertLength - (splice.end - splice.start);
    }
    return at + shift;
  };
}

/** Renders units [from, to] of one side: top-level runs as they are, table rows inside their table. */
function renderUnits(
  source: string,
  units: readonly Unit[],
  from: number,
  to: number,
  at: (offset: number) => number,
): string {
  const parts: string[] = [];
  for (let index = from; index <= to; ) {
    const first = units[index] as Unit;
    let last = index;
    while (last + 1 <= to && units[last + 1]?.table === first.table) last += 1;
    const end = (units[last] as Unit).end;
    if (first.table === undefined) {
      parts.push(storageToMarkdown(source.slice(at(first.start), at(end))));
    } else {
      const table = first.table.element;
      const header = first.table.rows[0] as LocatedElement;
      const withHeader = first.row !== 0;
      const fragment = [
        source.slice(at(table.start), at(table.openEnd)),
        withHeader ? source.slice(at(header.start), at(header.end)) : '',
        source.slice(at(first.start), at(end)),
        '</table>',
      ].join('');
      const markdown = storageToMarkdown(fragment);
      parts.push(withHeader ? markdown.split('\n').slice(2).join('\n') : markdown);
    }
    index = last + 1;
  }
  return parts.filter((part) => part !== '').join('\n\n');
}

/** Indexes of the units each splice touches (an insertion touches the units on both sides). */
function changedUnits(units: readonly Unit[], splices: readonly StorageSplice[]): Set<number> | undefined {
  const changed = new Set<number>();
  let u = 0;
  for (const splice of splices) {
    while (u < units.length && (units[u] as Unit).end < splice.start) u += 1;
    let touched = false;
    for (let k = u; k < units.length; k += 1) {
      const unit = units[k] as Unit;
      if (unit.start > splice.end) break;
      const overlaps = splice.start < unit.end && splice.end > unit.start;
      const insertion = splice.start === splice.end && unit.start <= splice.start && splice.start <= unit.end;
      if (overlaps || insertion) {
        changed.add(k);
        touched = true;
      }
    }
    if (!touched) return undefined;
  }
  return changed;
}

/** Walks `count` non-blank units from `index` in `step` direction; returns the index reached. */
function contextEdge(units: readonly Unit[], index: number, step: 1 | -1, count: number): number {
  let reached = index;
  let left = count;
  for (let k = index + step; k >= 0 && k < units.length && left > 0; k += step) {
    reached = k;
    if (!(units[k] as Unit).blank) left -= 1;
  }
  return reached;
}

/**
 * The page text around an edit, before and after it, converting only the changed units plus
 * context (see the file comment). `tree` is the original's tree when the edit already parsed it.
 * Falls back to converting both whole pages when the change cannot be placed in units (an empty
 * page, a change outside every block).
 */
export function regionText(
  before: string,
  after: string,
  splices: readonly StorageSplice[],
  tree: StorageTree = parseStorageTree(before),
): RegionText {
  const whole = (): RegionText => ({
    before: storageToMarkdown(before),
    after: storageToMarkdown(after),
    leadingLines: 0,
    trailingLines: 0,
    shortened: false,
  });
  if (splices.length === 0) return whole();
  const units = unitsOf(tree);
  const changed = changedUnits(units, splices);
  if (!changed || changed.size === 0) return whole();
  const sorted = [...changed].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const lastChanged = sorted.at(-1) as number;
  const spliceAt = (offset: number): boolean => {
    let low = 0;
    let high = splices.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((splices[mid] as StorageSplice).start < offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && (splices[found] as StorageSplice).end > offset;
  };

  let windowEnd = first;
  const budgetFrom = (units[first] as Unit).start;
  while (
    windowEnd < lastChanged &&
    ((units[windowEnd] as Unit).end - budgetFrom < WINDOW_STORAGE_CHARS ||
      spliceAt((units[windowEnd] as Unit).end))
  ) {
    windowEnd += 1;
  }
  const shortened = windowEnd < lastChanged;
  const from = contextEdge(units, first, -1, CONTEXT_UNITS);
  const to = shortened ? windowEnd : contextEdge(units, windowEnd, 1, CONTEXT_UNITS);

  const mapAfter = offsetMapper(splices, before.length, after.length);
  const same = (offset: number) => offset;
  const windowBefore = renderUnits(before, units, from, to, same);
  const windowAfter = renderUnits(after, units, from, to, mapAfter);

  const leadSize = from > 0 ? (units[from - 1] as Unit).end - (units[0] as Unit).start : 0;
  const leadingLines =
    from === 0 ? 0 : leadSize <= COUNT_STORAGE_CHARS ? linesBefore(before, units, from) : undefined;
  const tailSize = to < units.length - 1 ? (units.at(-1) as Unit).end - (units[to + 1] as Unit).start : 0;
  const trailingLines =
    shortened || to === units.length - 1
      ? 0
      : tailSize <= COUNT_STORAGE_CHARS
        ? linesAfter(before, units, to)
        : undefined;
  return { before: windowBefore, after: windowAfter, leadingLines, trailingLines, shortened };
}

/** True when units `a` and `b` are rows of the same table (joined by a line break, not a blank line). */
function sameTable(units: readonly Unit[], a: number, b: number): boolean {
  const table = units[a]?.table;
  return table !== undefined && units[b]?.table === table;
}

/** Lines of the unchanged units before `from`, plus the blank line that separates them from the window. */
function linesBefore(source: string, units: readonly Unit[], from: number): number {
  const text = renderUnits(source, units, 0, from - 1, (offset) => offset);
  return text === '' ? 0 : toLines(text) + (sameTable(units, from - 1, from) ? 0 : 1);
}

/** Lines of the unchanged units after `to` (in original offsets: they are the same after the edit). */
function linesAfter(source: string, units: readonly Unit[], to: number): number {
  const text = renderUnits(source, units, to + 1, units.length - 1, (offset) => offset);
  return text === '' ? 0 : toLines(text) + (sameTable(units, to, to + 1) ? 0 : 1);
}
