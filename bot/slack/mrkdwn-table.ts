/**
 * Tables in mrkdwn: Slack has none, so rows become aligned monospace text in a ``` block (pipe
 * tables from Markdown and the bot's own settings/policy tables alike).
 */

import { codeBlock } from './mrkdwn.js';
import { clipPlain } from './mrkdwn-clip.js';
import { plainInline } from './mrkdwn-inline.js';

/** True for a line of a Markdown pipe table. */
export const isTableLine = (line: string): boolean => line.trimStart().startsWith('|');

/** Cells of a pipe-table row, split on unescaped `|`, escapes and emphasis resolved. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell: string[] = [];
  const text = line.trim();
  for (let i = text[0] === '|' ? 1 : 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      cell.push(char, text[i + 1]!);
      i += 1;
    } else if (char === '|') {
      cells.push(plainInline(cell.join('')).trim());
      cell = [];
    } else {
      cell.push(char);
    }
  }
  const last = cell.join('').trim();
  if (last !== '') cells.push(plainInline(last));
  return cells;
}

function isSeparatorRow(cells: readonly string[]): boolean {
  if (cells.length === 0) return false;
  for (const cell of cells) {
    if (!cell.includes('-')) return false;
    for (const char of cell) if (char !== '-' && char !== ':') return false;
  }
  return true;
}

/** Most columns, rows and characters per cell a table keeps in chat. */
const TABLE_MAX_COLUMNS = 8;
const TABLE_MAX_ROWS = 100;
const TABLE_MAX_CELL = 40;

/**
 * Rows of cells as aligned monospace text in a ``` block (Slack has no tables): at most 8 columns
 * and 100 rows, cells clipped to 40 characters, a `-+-` rule under the first `headerRows` rows.
 */
export function alignedTable(rows: readonly (readonly string[])[], headerRows = 1): string {
  const grid = rows
    .slice(0, TABLE_MAX_ROWS)
    .map((cells) => cells.slice(0, TABLE_MAX_COLUMNS).map((cell) => clipPlain(cell, TABLE_MAX_CELL)));
  const widths: number[] = [];
  for (const cells of grid) {
    for (let c = 0; c < cells.length; c += 1) widths[c] = Math.max(widths[c] ?? 0, cells[c]!.length);
  }
  const lines = grid.map((cells) =>
    widths
      .map((w, c) => (cells[c] ?? '').padEnd(w))
      .join(' | ')
      .trimEnd(),
  );
  if (headerRows > 0 && headerRows < lines.length) {
    lines.splice(headerRows, 0, widths.map((w) => '-'.repeat(Math.max(1, w))).join('-+-'));
  }
  const skipped = rows.length - grid.length;
  if (skipped > 0) lines.push(`… ${skipped} more ${skipped === 1 ? 'row' : 'rows'}`);
  return codeBlock(lines);
}

/** A Markdown pipe table as aligned monospace lines inside ``` (the separator row marks the header). */
export function tableBlock(lines: readonly string[]): string {
  const rows: string[][] = [];
  let headerRows = 0;
  for (const line of lines) {
    const cells = tableCells(line);
    if (isSeparatorRow(cells)) {
      if (headerRows === 0) headerRows = rows.length;
    } else {
      rows.push(cells);
    }
  }
  return alignedTable(rows, headerRows);
}
