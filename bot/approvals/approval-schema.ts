import { z } from 'zod';
import { type ChatTarget, PLATFORMS } from '../domain/chat.js';
import { approvalChangeSchema, approvalResultSchema } from './approval-change.js';

const FINAL_STATUS_LIST = ['rejected', 'expired', 'cancelled', 'stale', 'executed', 'failed'] as const;

/**
 * Life of a request: `pending` → approved | rejected | expired | cancelled (| stale when the page
 * moved on before approval); `approved` → executed | failed | stale. Every other status is final.
 */
export const APPROVAL_STATUSES = ['pending', 'approved', ...FINAL_STATUS_LIST] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * Shape of request ids (the generator decides how unguessable they are). Ids become file names
 * (`approvals/<id>.json`): the pattern admits no path separator, no dot and nothing empty.
 */
export const APPROVAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Statuses a request never leaves. */
export const FINAL_APPROVAL_STATUSES: ReadonlySet<ApprovalStatus> = new Set(FINAL_STATUS_LIST);

const actorSchema = z
  .object({ id: z.string(), name: z.string(), aadObjectId: z.string().optional() })
  .strict();

const cardRefSchema = z
  .object({
    /** Absent in records written before Slack existed: those are Teams cards. */
    platform: z.enum(PLATFORMS).optional(),
    conversationId: z.string().min(1),
    activityId: z.string().min(1),
    serviceUrl: z.string().min(1).optional(),
  })
  .strict();

/**
 * One approval request as stored. `change` is the plan as previewed (typed, parsed once on load)
 * and `result` what an executed request wrote.
 */
export const approvalRequestSchema = z
  .object({
    id: z.string().regex(APPROVAL_ID_PATTERN),
    requester: actorSchema,
    conversationId: z.string().min(1),
    channelKey: z.string().min(1),
    connector: z.string().min(1),
    operation: z.enum(['create', 'update']),
    target: z
      .object({ spaceKey: z.string().min(1), pageId: z.string().min(1).optional(), title: z.string() })
      .strict(),
    change: approvalChangeSchema,
    baseVersion: z.number().int().positive().optional(),
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    status: z.enum(APPROVAL_STATUSES),
    decidedBy: actorSchema.optional(),
    decidedAt: z.string().datetime().optional(),
    result: approvalResultSchema.optional(),
    error: z.string().optional(),
    card: cardRefSchema.optional(),
  })
  .strict();

export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** Where the approval card was posted (for updating it in place). */
export type ApprovalCardRef = z.infer<typeof cardRefSchema>;

/** The chat target holding a request's card (the request must have one). */
export function cardTargetOf(request: {
  readonly channelKey: string;
  readonly card?: ApprovalCardRef;
}): ChatTarget {
  const card = request.card;
  if (!card) throw new Error('request has no card');
  return {
    platform: card.platform ?? 'teams',
    conversationId: card.conversationId,
    channelKey: request.channelKey,
    ...(card.serviceUrl ? { serviceUrl: card.serviceUrl } : {}),
  };
}

/**
 * Shape of one request's file, `DATA_DIR/approvals/<id>.json` (a lowdb-style document with one
 * key, so the file can grow fields beside the request later without a new format).
 */
export const approvalFileSchema = z.object({ request: approvalRequestSchema }).strict();
export type ApprovalFile = z.infer<typeof approvalFileSchema>;

/**
 * Shape of the former single store file `DATA_DIR/approvals.json`, read once by the migration.
 * Requests are a list (ids come from card payloads; no object-key tricks).
 */
export const approvalsFileSchema = z.object({ requests: z.array(approvalRequestSchema) }).strict();
export type ApprovalsFile = z.infer<typeof approvalsFileSchema>;

/** When a final request ended: its decision time, or its creation time if it has none. */
export function endedAt(request: ApprovalRequest): number {
  return Date.parse(request.decidedAt ?? request.createdAt);
}
