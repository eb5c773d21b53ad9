import { z } from 'zod';
import { AUDIT_DECISIONS, AUDIT_OUTCOMES } from './types.js';

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

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One stored entry as read back from a segment file. Unknown keys are kept (`passthrough`) so that a
 * tampered entry still hashes to what is really on disk.
 */
export const auditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.string(),
    actor: auditActorSchema.passthrough(),
    conversationId: z.string(),
    connector: z.string(),
    operation: z.string(),
    target: auditTargetSchema.passthrough(),
    decision: z.enum(AUDIT_DECISIONS),
    outcome: z.enum(AUDIT_OUTCOMES),
    error: z.string().optional(),
    details: z.record(z.unknown()).optional(),
    prevHash: hexHash,
    hash: hexHash,
  })
  .passthrough();

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
