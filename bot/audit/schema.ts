import { z } from 'zod';
import { isPlainObject } from '../domain/plain-object.js';
import { AUDIT_DECISIONS, AUDIT_OUTCOMES, type AuditEventInput } from './types.js';

const shortText = z.string().max(4_096);

/** Who caused an event; unknown keys are dropped from input. */
export const auditActorSchema = z.object({
  id: shortText,
  name: shortText,
  aadObjectId: shortText.optional(),
});

/** What an event was about. */
export const auditTargetSchema = z.object({
  spaceKey: shortText.optional(),
  pageId: shortText.optional(),
  title: shortText.optional(),
  query: shortText.optional(),
  version: z.number().int().nonnegative().optional(),
});

/** Validates what callers pass to `append` (the boundary into the store). */
export const auditEventInputSchema = z.object({
  actor: auditActorSchema,
  conversationId: shortText,
  connector: shortText,
  operation: z.string().min(1).max(64),
  target: auditTargetSchema,
  decision: z.enum(AUDIT_DECISIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  error: z.string().max(16_384).optional(),
  details: z.record(z.unknown()).optional(),
});

const MAX_SHORT_TEXT = 4_096;
const MAX_ERROR_TEXT = 16_384;
const MAX_OPERATION = 64;
const TARGET_KEYS = ['spaceKey', 'pageId', 'title', 'query', 'version'] as const;
const DECISIONS: ReadonlySet<unknown> = new Set(AUDIT_DECISIONS);
const OUTCOMES: ReadonlySet<unknown> = new Set(AUDIT_OUTCOMES);

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SHORT_TEXT;
}

function isOptionalShortText(value: unknown): boolean {
  return value === undefined || isShortText(value);
}

/**
 * What `auditEventInputSchema.safeParse(value).data` is, computed by hand because `append` runs it
 * on every entry (zod's object machinery was ~2 % of a search turn); undefined when the hand check
 * does not accept, and the caller then runs the zod schema, which decides and explains. Same output:
 * unknown keys dropped, a key present with an undefined value kept, `details` copied shallowly
 * without a `__proto__` key. A property test pins the two (accept/reject and deep-equal output).
 */
export function parseAuditEventInput(value: unknown): AuditEventInput | undefined {
  if (!isPlainObject(value)) return undefined;
  const { actor, target, details } = value;
  if (!isPlainObject(actor) || !isShortText(actor.id) || !isShortText(actor.name)) return undefined;
  if (!isOptionalShortText(actor.aadObjectId)) return undefined;
  if (!isShortText(value.conversationId) || !isShortText(value.connector)) return undefined;
  const operation = value.operation;
  if (typeof operation !== 'string' || operation.length < 1 || operation.length > MAX_OPERATION)
    return undefined;
  if (!isPlainObject(target)) return undefined;
  if (!isOptionalShortText(target.spaceKey) || !isOptionalShortText(target.pageId)) return undefined;
  if (!isOptionalShortText(target.title) || !isOptionalShortText(target.query)) return undefined;
  const version = target.version;
  if (version !== undefined && !(typeof version === 'number' && Number.isInteger(version) && version >= 0)) {
    return undefined;
  }
  if (!DECISIONS.has(value.decision) || !OUTCOMES.has(value.outcome)) return undefined;
  const error = value.error;
  if (error !== undefined && !(typeof error === 'string' && error.length <= MAX_ERROR_TEXT)) return undefined;
  if (details !== undefined && !isPlainObject(details)) return undefined;

  const actorOut: Record<string, unknown> = { id: actor.id, name: actor.name };
  if ('aadObjectId' in actor) actorOut.aadObjectId = actor.aadObjectId;
  const targetOut: Record<string, unknown> = {};
  for (const key of TARGET_KEYS) if (key in target) targetOut[key] = target[key];
  const out: Record<string, unknown> = {
    actor: actorOut,
    conversationId: value.conversationId,
    connector: value.connector,
    operation,
    target: targetOut,
    decision: value.decision,
    outcome: value.outcome,
  };
  if ('error' in value) out.error = error;
  if ('details' in value) {
    if (details === undefined) out.details = undefined;
    else {
      const copy: Record<string, unknown> = {};
      for (const key in details) if (key !== '__proto__') copy[key] = details[key];
      out.details = copy;
    }
  }
  return out as unknown as AuditEventInput;
}

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One stored entry as read back from a segment file. Unknown keys are kept (`passthrough`) so that a
 * tampered entry still hashes to what is really on disk. Mirrored by `isStoredEntry` (fast path).
 */
export const auditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string(), aadObjectId: z.string().optional() }).passthrough(),
    conversationId: z.string(),
    connector: z.string(),
    operation: z.string(),
    target: z
      .object({
        spaceKey: z.string().optional(),
        pageId: z.string().optional(),
        title: z.string().optional(),
        query: z.string().optional(),
        version: z.number().int().nonnegative().optional(),
      })
      .passthrough(),
    decision: z.enum(AUDIT_DECISIONS),
    outcome: z.enum(AUDIT_OUTCOMES),
    error: z.string().optional(),
    details: z.record(z.unknown()).optional(),
    prevHash: hexHash,
    hash: hexHash,
  })
  .passthrough();

const HEX_HASH = /^[0-9a-f]{64}$/;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/**
 * Exactly the predicate `auditEntrySchema` implements, hand-written because it runs on every entry
 * of the newest segment at open (zod costs ~70 ms cold for 1,000 entries). A property test pins the
 * two together. On failure, callers run the zod schema for the diagnostic.
 */
export function isStoredEntry(value: unknown): value is z.infer<typeof auditEntrySchema> {
  if (!isPlainRecord(value)) return false;
  const { seq, actor, target } = value;
  return (
    typeof seq === 'number' &&
    Number.isInteger(seq) &&
    seq > 0 &&
    typeof value.at === 'string' &&
    isPlainRecord(actor) &&
    typeof actor.id === 'string' &&
    typeof actor.name === 'string' &&
    isOptionalString(actor.aadObjectId) &&
    typeof value.conversationId === 'string' &&
    typeof value.connector === 'string' &&
    typeof value.operation === 'string' &&
    isPlainRecord(target) &&
    isOptionalString(target.spaceKey) &&
    isOptionalString(target.pageId) &&
    isOptionalString(target.title) &&
    isOptionalString(target.query) &&
    (target.version === undefined || (Number.isInteger(target.version) && (target.version as number) >= 0)) &&
    DECISIONS.has(value.decision) &&
    OUTCOMES.has(value.outcome) &&
    isOptionalString(value.error) &&
    (value.details === undefined || isPlainRecord(value.details)) &&
    typeof value.prevHash === 'string' &&
    HEX_HASH.test(value.prevHash) &&
    typeof value.hash === 'string' &&
    HEX_HASH.test(value.hash)
  );
}

/** A segment file's document: the lowdb root object. */
export const segmentDocSchema = z.object({ entries: z.array(auditEntrySchema) });

const isoInstant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')
  .transform((value) => new Date(value).toISOString());

/** Validates a query filter and normalises `since`/`until` to ISO 8601 UTC. */
export const auditFilterSchema = z
  .object({
    actorId: z.string().optional(),
    conversationId: z.string().optional(),
    operation: z.string().optional(),
    spaceKey: z.string().optional(),
    since: isoInstant.optional(),
    until: isoInstant.optional(),
    limit: z.number().int().nonnegative().optional(),
  })
  .strict();

/** A filter after validation. */
export type ParsedAuditFilter = z.infer<typeof auditFilterSchema>;
