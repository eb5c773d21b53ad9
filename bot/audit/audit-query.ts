/**
 * Reading the audit log: filtered queries newest first (the open segment from memory, older
 * segments from disk only as far as needed) and exports as JSON or CSV.
 */
import { AppError } from '../errors.js';
import { deepFreeze } from './audit-head.js';
import { toAuditCsv } from './export-csv.js';
import { auditFilterSchema, type ParsedAuditFilter } from './schema.js';
import { SegmentFile } from './segment-file.js';
import { listSegments } from './segment-format.js';
import type { AuditEntry, AuditFilter } from './types.js';

/** The first schema issue as `<what>: path message`, for INPUT_INVALID errors. */
export function firstIssueText(
  what: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): string {
  const issue = issues[0];
  return `Invalid ${what}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
}

function matches(entry: AuditEntry, filter: ParsedAuditFilter): boolean {
  return (
    (filter.actorId === undefined ||
      entry.actor.id === filter.actorId ||
      entry.actor.aadObjectId === filter.actorId) &&
    (filter.conversationId === undefined || entry.conversationId === filter.conversationId) &&
    (filter.operation === undefined || entry.operation === filter.operation) &&
    (filter.spaceKey === undefined || entry.target.spaceKey === filter.spaceKey) &&
    (filter.since === undefined || entry.at >= filter.since) &&
    (filter.until === undefined || entry.at <= filter.until)
  );
}

function parseFilter(filter: AuditFilter): ParsedAuditFilter {
  const parsed = auditFilterSchema.safeParse(filter);
  if (!parsed.success) {
    throw new AppError('INPUT_INVALID', { message: firstIssueText('audit filter', parsed.error.issues) });
  }
  return parsed.data;
}

/**
 * Entries matching `filter`, newest first, at most `filter.limit`: first `openEntries` (the open
 * segment `openIndex`, in memory), then older segments of `dir`, stopping once `since` is passed.
 * Throws AppError('INPUT_INVALID') for a bad filter, STORE_CORRUPT for a damaged older segment.
 */
export async function queryAudit(
  dir: string,
  openIndex: number,
  openEntries: readonly AuditEntry[],
  filter: AuditFilter,
): Promise<AuditEntry[]> {
  const parsed = parseFilter(filter);
  const limit = parsed.limit ?? Number.POSITIVE_INFINITY;
  const results: AuditEntry[] = [];
  if (limit === 0) return results;
  const collect = (entries: readonly AuditEntry[]): boolean => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (entry !== undefined && matches(entry, parsed)) {
        results.push(entry);
        if (results.length >= limit) return true;
      }
    }
    return false;
  };
  if (collect(openEntries)) return results;
  const older = (await listSegments(dir)).filter((segment) => segment.index < openIndex).reverse();
  for (const segment of older) {
    const entries = deepFreeze((await new SegmentFile(segment.path).read())?.entries ?? []);
    if (collect(entries)) break;
    const oldest = entries[0];
    if (parsed.since !== undefined && oldest !== undefined && oldest.at < parsed.since) break;
  }
  return results;
}

/** `entries` (oldest first) as an export file. Throws AppError('INPUT_INVALID') for another format. */
export function formatAuditExport(format: 'json' | 'csv', entries: readonly AuditEntry[]): string {
  if (format === 'csv') return toAuditCsv(entries);
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  throw new AppError('INPUT_INVALID', { message: `Unknown export format ${String(format)}` });
}
