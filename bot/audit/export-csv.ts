import type { AuditEntry } from './types.js';

/** Column order of the CSV export. */
export const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorName',
  'actorAadObjectId',
  'conversationId',
  'connector',
  'operation',
  'spaceKey',
  'pageId',
  'title',
  'query',
  'version',
  'decision',
  'outcome',
  'error',
  'details',
  'prevHash',
  'hash',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would treat as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; the cell is quoted when it holds a comma, quote, CR or LF (quotes doubled).
 */
export function toCsvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends, header row) of `entries` in the given order; `details` as JSON. */
export function toAuditCsv(entries: readonly AuditEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const cells: (string | number | undefined)[] = [
      e.seq,
      e.at,
      e.actor.id,
      e.actor.name,
      e.actor.aadObjectId,
      e.conversationId,
      e.connector,
      e.operation,
      e.target.spaceKey,
      e.target.pageId,
      e.target.title,
      e.target.query,
      e.target.version,
      e.decision,
      e.outcome,
      e.error,
      e.details === undefined ? undefined : JSON.stringify(e.details),
      e.prevHash,
      e.hash,
    ];
    rows.push(cells.map(toCsvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
