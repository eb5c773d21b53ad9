/**
 * Recovery of a segment's bytes after a crash: finds the longest run of whole, chained entries
 * before a torn tail, and tells a torn tail (repairable) from damage anywhere else (corrupt). Pure.
 */
import { computeEntryHash } from './canonical-json.js';
import { isStoredEntry } from './schema.js';
import { HEAD_BYTES, isStoredSegment } from './segment-format.js';
import type { AuditEntry } from './types.js';

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** What `recoverSegment` made of a segment file's bytes. */
export type SegmentRecovery =
  | { readonly kind: 'whole'; readonly entries: readonly AuditEntry[] }
  | {
      /** A write cut short: `entries` is the longest prefix of whole entries, ending at byte `validEnd`. */
      readonly kind: 'torn';
      readonly entries: readonly AuditEntry[];
      readonly validEnd: number;
      readonly droppedBytes: number;
    }
  | { readonly kind: 'corrupt'; readonly reason: string };

/**
 * End (exclusive) of the JSON object starting at `from`, found by bracket depth outside strings, or
 * -1 when there is no whole object there on this line: entries are written one per line and never
 * contain a raw newline, so a newline (or the end of the bytes) before the closing brace means torn.
 */
function objectEnd(bytes: Buffer, from: number): number {
  if (bytes[from] !== OPEN_BRACE) return -1;
  let depth = 0;
  let inString = false;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === NEWLINE) return -1;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return byte === CLOSE_BRACE ? i + 1 : -1;
    }
  }
  return -1;
}

/** The whole stored entry starting at byte `from`, with where it ends; undefined if there is none. */
function entryAt(
  bytes: Buffer,
  from: number,
): { readonly entry: AuditEntry; readonly end: number } | undefined {
  const end = objectEnd(bytes, from);
  if (end < 0) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8', from, end));
    return isStoredEntry(value) ? { entry: value as AuditEntry, end } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a segment file's bytes, tolerating the one kind of damage an interrupted append leaves: a
 * torn tail (a partial last entry, a missing or partial closing `]}`, zeros where a write did not
 * land). Appends only ever write past the last whole entry, so the whole entries before the tear are
 * exactly the ones durably written before; they must still form a chain (consecutive seq, each
 * `prevHash` the previous `hash`, every `hash` recomputing). Anything else is `corrupt`: a file that
 * does not start like a segment, a whole entry after a damaged line (damage in the middle, not a
 * tear), or entries that do not chain. Pure; never throws.
 */
export function recoverSegment(bytes: Buffer): SegmentRecovery {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return recoverTornTail(bytes);
  }
  return isStoredSegment(parsed)
    ? { kind: 'whole', entries: parsed.entries }
    : { kind: 'corrupt', reason: 'the file is JSON but not a segment {"entries": [...]}' };
}

function recoverTornTail(bytes: Buffer): SegmentRecovery {
  if (!bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES)) {
    return { kind: 'corrupt', reason: 'the file is not valid JSON and does not start like a segment' };
  }
  const entries: AuditEntry[] = [];
  let validEnd = HEAD_BYTES.length - 1;
  for (let position = HEAD_BYTES.length; position < bytes.length; position = validEnd + 2) {
    const found = entryAt(bytes, position);
    if (found === undefined) break;
    const { entry } = found;
    const previous = entries.at(-1);
    if (
      computeEntryHash(entry) !== entry.hash ||
      (previous !== undefined && (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash))
    ) {
      return { kind: 'corrupt', reason: `entry seq ${entry.seq} does not continue the chain before it` };
    }
    entries.push(entry);
    validEnd = found.end;
    if (bytes[validEnd] !== COMMA || bytes[validEnd + 1] !== NEWLINE) break;
  }
  for (
    let newline = bytes.indexOf(NEWLINE, validEnd);
    newline !== -1;
    newline = bytes.indexOf(NEWLINE, newline + 1)
  ) {
    if (entryAt(bytes, newline + 1) !== undefined) {
      return {
        kind: 'corrupt',
        reason: 'whole entries follow a damaged line (damage in the middle, not a torn tail)',
      };
    }
  }
  return { kind: 'torn', entries, validEnd, droppedBytes: bytes.length - validEnd };
}
