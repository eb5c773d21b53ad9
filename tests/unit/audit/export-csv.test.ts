import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import { CSV_COLUMNS, toAuditCsv, toCsvCell } from '../../../bot/audit/export-csv.js';
import type { AuditEntry } from '../../../bot/audit/types.js';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

const entry: AuditEntry = {
  seq: 7,
  at: '2025-01-01T00:00:00.000Z',
  actor: { id: '29:a', name: 'Smith, "Jo"' },
  conversationId: 'c1',
  connector: 'default',
  operation: 'create',
  target: { spaceKey: 'ENG', title: '=HYPERLINK("http://evil")', query: 'line1\nline2', version: 3 },
  decision: 'confirm',
  outcome: 'pending',
  error: '@SUM(A1)',
  details: { note: '+cmd' },
  prevHash: GENESIS_HASH,
  hash: 'b'.repeat(64),
};

describe('toCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=a,b', `"'=a,b"`],
    ['', ''],
  ])('escapes %j as %j', (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers, including negatives', () => {
    expect(toCsvCell(-3)).toBe('-3');
    expect(toCsvCell(undefined)).toBe('');
  });
});

describe('toAuditCsv', () => {
  it('writes a header and one row per entry that round-trips through a CSV parser', () => {
    const csv = toAuditCsv([entry]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, rows[1]?.[i]]));
    expect(row).toMatchObject({
      seq: '7',
      actorName: 'Smith, "Jo"',
      actorAadObjectId: '',
      title: `'=HYPERLINK("http://evil")`,
      query: 'line1\nline2',
      version: '3',
      error: "'@SUM(A1)",
      details: '{"note":"+cmd"}',
      hash: 'b'.repeat(64),
    });
    expect(rows).toHaveLength(2);
  });
});
