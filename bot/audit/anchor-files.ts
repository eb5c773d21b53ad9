/**
 * The anchors on disk, sized so that anchoring costs a few hundred bytes whatever the log's length:
 *
 * - `anchors-head.jsonl`: two fixed-size slots of HEAD_SLOT_BYTES, each one line of JSON padded with
 *   spaces (`{"v":2,"kid":…,"head":{…},"sum":…}`, `sum` a checksum that exposes torn writes). A head update overwrites the older slot in place and
 *   fdatasyncs, so a torn write (a crash mid-write) can only damage the slot being written: the
 *   other still holds the previous head, and a reader takes the newest slot that parses. Falling
 *   back one head is what a crash does anyway (the anchor may lag the chain); it is no weaker than
 *   restoring an older copy of the file, which the anchors never could detect either.
 * - `anchors-sealed.jsonl`: one MAC'd sealed-segment anchor per line, append-only (a line per
 *   sealed segment); a torn last line is ignored by readers and overwritten by the next append.
 *   The head counts the records it was written over, so removed lines are detected.
 *
 * A legacy `anchors.json` (version 1, sealed records and head in one document rewritten whole) is
 * still read; the writer migrates it (`migrateLegacyAnchors`). The head file decides: when it
 * exists, the slot files are the anchors and a leftover `anchors.json` is stale.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import {
  type AnchorsDoc,
  anchorsDocSchema,
  type HeadAnchor,
  headAnchorSchema,
  type SealedAnchor,
  sealedAnchorSchema,
} from './anchors.js';
import { canonicalJson } from './canonical-json.js';
import {
  type AppendHandle,
  openReadWrite,
  readFileBytes,
  readSegmentJson,
  syncDirectory,
  writeAt,
  writeFileDurably,
} from './durable-file.js';

/** The head file: two fixed-size slots. */
export const HEAD_FILE = 'anchors-head.jsonl';

/** The sealed-segment anchors, one per line. */
export const SEALED_FILE = 'anchors-sealed.jsonl';

/** The legacy single-document anchors file (read and migrated, never written). */
export const LEGACY_ANCHORS_FILE = 'anchors.json';

/** Format version written in each head slot. */
export const HEAD_SLOT_VERSION = 2;

/**
 * Bytes per head slot, newline included: a slot's JSON is about 270 bytes, at most 297 with 7-digit
 * segment and sealed counts and 15-digit seqs.
 */
export const HEAD_SLOT_BYTES = 304;

const headSlotSchema = z
  .object({
    v: z.literal(HEAD_SLOT_VERSION),
    kid: z.string().regex(/^[0-9a-f]{16}$/),
    head: headAnchorSchema,
    sum: z.string().regex(/^[0-9a-f]{8}$/),
  })
  .strict();

/**
 * The slot's checksum: the first 8 hex digits of SHA-256 over the canonical JSON of the rest. It
 * tells a torn write (old and new bytes mixed into something that still parses) from a whole slot,
 * without the key; tampering is the MAC's business.
 */
function slotSum(kid: string, head: HeadAnchor): string {
  return createHash('sha256')
    .update(canonicalJson({ v: HEAD_SLOT_VERSION, kid, head }))
    .digest('hex')
    .slice(0, 8);
}

/** The file audit:verify and the writer name when the anchors and the chain disagree. */
export function anchorsPath(auditDir: string): string {
  return join(auditDir, HEAD_FILE);
}

export function sealedAnchorsPath(auditDir: string): string {
  return join(auditDir, SEALED_FILE);
}

export function legacyAnchorsPath(auditDir: string): string {
  return join(auditDir, LEGACY_ANCHORS_FILE);
}

/** The anchors as found on disk, with what the writer needs to continue them. */
export interface LoadedAnchorFiles {
  readonly doc: AnchorsDoc;
  /** `slots` = the head and sealed files; `legacy` = an `anchors.json` not migrated yet. */
  readonly format: 'slots' | 'legacy';
  /** The slot holding the newest head (the next write goes to the other). */
  readonly newestSlot: 0 | 1;
  /** Bytes of whole lines in the sealed file (where the next seal is written). */
  readonly sealedBytes: number;
}

function corrupt(path: string, why: string): AppError {
  return new AppError('STORE_CORRUPT', {
    message: `Audit anchors file ${path} is malformed (${why})`,
    details: { file: path },
  });
}

/** One head slot's bytes: the JSON line padded with spaces to HEAD_SLOT_BYTES. Throws RangeError if it does not fit. */
export function encodeHeadSlot(kid: string, head: HeadAnchor): Buffer {
  const json = JSON.stringify({ v: HEAD_SLOT_VERSION, kid, head, sum: slotSum(kid, head) });
  const slot = Buffer.alloc(HEAD_SLOT_BYTES, ' ');
  if (slot.write(json, 'utf8') !== Buffer.byteLength(json) || Buffer.byteLength(json) >= HEAD_SLOT_BYTES) {
    throw new RangeError(
      `a head anchor needs ${Buffer.byteLength(json)} bytes, a slot holds ${HEAD_SLOT_BYTES - 1}`,
    );
  }
  slot[HEAD_SLOT_BYTES - 1] = 0x0a;
  return slot;
}

/** The slot's content, or undefined when it is not a whole slot (torn or damaged). */
function decodeHeadSlot(bytes: Buffer): z.infer<typeof headSlotSchema> | undefined {
  if (bytes.length !== HEAD_SLOT_BYTES || bytes[HEAD_SLOT_BYTES - 1] !== 0x0a) return undefined;
  try {
    const parsed = headSlotSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success || parsed.data.sum !== slotSum(parsed.data.kid, parsed.data.head)) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** True when head `a` is newer than `b` (higher seq, then more sealed records, then later). */
function isNewer(a: HeadAnchor, b: HeadAnchor): boolean {
  if (a.seq !== b.seq) return a.seq > b.seq;
  if (a.sealed !== b.sealed) return a.sealed > b.sealed;
  return a.at > b.at;
}

/** Reads the sealed records: every whole line; a last line without its newline is a torn append. */
async function readSealed(path: string): Promise<{ records: SealedAnchor[]; bytes: number }> {
  const data = await readFileBytes(path);
  if (data === null) return { records: [], bytes: 0 };
  const whole = data.lastIndexOf(0x0a) + 1;
  const lines = data.subarray(0, whole).toString('utf8').split('\n').slice(0, -1);
  const records = lines.map((line, i) => {
    let parsed: ReturnType<typeof sealedAnchorSchema.safeParse>;
    try {
      parsed = sealedAnchorSchema.safeParse(JSON.parse(line));
    } catch {
      throw corrupt(path, `line ${i + 1} is not JSON`);
    }
    if (!parsed.success) throw corrupt(path, `line ${i + 1} is not a sealed-segment anchor`);
    return parsed.data;
  });
  return { records, bytes: whole };
}

async function readLegacy(auditDir: string): Promise<AnchorsDoc | null> {
  const path = legacyAnchorsPath(auditDir);
  const raw = await readSegmentJson(path);
  if (raw === null) return null;
  const parsed = anchorsDocSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corrupt(path, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Reads the anchors of `auditDir`: the slot files when the head file exists, else a legacy
 * `anchors.json`, else null (no anchors). Checks shapes only (MACs are `checkAnchorIntegrity`'s).
 * Throws AppError('STORE_CORRUPT') naming the file when neither head slot is whole, a sealed line
 * is damaged, the legacy file is malformed, or sealed records exist without any head.
 */
export async function readAnchorFiles(auditDir: string): Promise<LoadedAnchorFiles | null> {
  const headPath = anchorsPath(auditDir);
  const headBytes = await readFileBytes(headPath);
  if (headBytes === null) {
    const legacy = await readLegacy(auditDir);
    if (legacy !== null) return { doc: legacy, format: 'legacy', newestSlot: 0, sealedBytes: 0 };
    const sealed = await readSealed(sealedAnchorsPath(auditDir));
    if (sealed.records.length > 0) {
      throw new AppError('STORE_CORRUPT', {
        message: `Audit anchors file ${headPath} is missing although ${SEALED_FILE} holds ${sealed.records.length} sealed-segment anchors: it was deleted`,
        details: { file: headPath },
      });
    }
    return null;
  }
  const slots = [0, 1].map((i) =>
    decodeHeadSlot(headBytes.subarray(i * HEAD_SLOT_BYTES, (i + 1) * HEAD_SLOT_BYTES)),
  );
  const [first, second] = slots;
  const newestSlot: 0 | 1 =
    second !== undefined && (first === undefined || isNewer(second.head, first.head)) ? 1 : 0;
  const newest = slots[newestSlot];
  if (newest === undefined) throw corrupt(headPath, 'neither head slot holds a whole anchor');
  const sealed = await readSealed(sealedAnchorsPath(auditDir));
  return {
    doc: { version: 1, kid: newest.kid, sealed: sealed.records, head: newest.head },
    format: 'slots',
    newestSlot,
    sealedBytes: sealed.bytes,
  };
}

/** The anchors of `auditDir` (see `readAnchorFiles`), or null when there are none. */
export async function readAnchors(auditDir: string): Promise<AnchorsDoc | null> {
  return (await readAnchorFiles(auditDir))?.doc ?? null;
}

/** Lines of the sealed file for `records`. */
function sealedLines(records: readonly SealedAnchor[]): Buffer {
  return Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
}

/**
 * Creates (or replaces) the head file with `head` in both slots, atomically and durably. Used when
 * the anchors are first written and when a legacy file is migrated.
 */
export async function createHeadFile(auditDir: string, kid: string, head: HeadAnchor): Promise<void> {
  const slot = encodeHeadSlot(kid, head);
  await writeFileDurably(anchorsPath(auditDir), Buffer.concat([slot, slot]));
}

/** Overwrites head slot `slot` in place and fdatasyncs. Throws the I/O error. */
export async function writeHeadSlot(
  auditDir: string,
  slot: 0 | 1,
  kid: string,
  head: HeadAnchor,
  openFile = openReadWrite,
): Promise<void> {
  const handle = await openFile(anchorsPath(auditDir));
  try {
    await writeAt(handle, encodeHeadSlot(kid, head), slot * HEAD_SLOT_BYTES);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `records` as lines at byte `offset` of the sealed file (cutting off a torn line there),
 * durably; creates the file when `offset` is 0. Returns the new end. Throws the I/O error.
 */
export async function appendSealed(
  auditDir: string,
  offset: number,
  records: readonly SealedAnchor[],
): Promise<number> {
  const path = sealedAnchorsPath(auditDir);
  const lines = sealedLines(records);
  if (offset === 0) {
    await writeFileDurably(path, lines);
    return lines.length;
  }
  const handle: AppendHandle = await openReadWrite(path);
  try {
    await writeAt(handle, lines, offset);
    await handle.truncate(offset + lines.length);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return offset + lines.length;
}

/**
 * Replaces a legacy `anchors.json` by the slot files holding the same (already MAC'd) records:
 * sealed file, then head file, then the legacy file is removed. A crash before the head file is
 * written leaves the legacy file in charge (the next open migrates again); after, the head file is.
 * Returns the new sealed file's length.
 */
export async function migrateLegacyAnchors(auditDir: string, doc: AnchorsDoc): Promise<number> {
  const sealedBytes = doc.sealed.length > 0 ? sealedLines(doc.sealed).length : 0;
  if (sealedBytes > 0) await appendSealed(auditDir, 0, doc.sealed);
  else await rm(sealedAnchorsPath(auditDir), { force: true });
  await createHeadFile(auditDir, doc.kid, doc.head);
  await removeLegacyAnchors(auditDir);
  return sealedBytes;
}

/** Removes a stale legacy `anchors.json` (the head file is in charge), durably. */
export async function removeLegacyAnchors(auditDir: string): Promise<void> {
  const path = legacyAnchorsPath(auditDir);
  if ((await readFileBytes(path)) === null) return;
  await rm(path, { force: true });
  await syncDirectory(auditDir);
}
