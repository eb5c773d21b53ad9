import { z } from 'zod';
import { PLATFORMS } from '../domain/chat.js';
import { createPlanSchema } from '../operations/create-page.js';
import { updatePlanSchema } from '../operations/update-page.js';

/**
 * Where a request was asked (its governing channel and where the requester hears the outcome).
 * Records written before Slack have no platform: those are Teams.
 */
const originSchema = z.object({
  platform: z.enum(PLATFORMS).default('teams'),
  conversationId: z.string().min(1),
  channelKey: z.string().min(1),
  serviceUrl: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  threadId: z.string().min(1).optional(),
});

/** The plan of a write, as previewed: what approving it writes (create and update plans). */
export const writePlanSchema = z.discriminatedUnion('kind', [createPlanSchema, updatePlanSchema]);

/**
 * The proposed change stored with a request: the plan and where it was asked. An origin that is
 * not a usable target (records written by older versions) loads as absent, as it was treated then.
 */
export const approvalChangeSchema = z.object({
  plan: writePlanSchema,
  origin: originSchema.optional().catch(undefined),
});
export type ApprovalChange = z.infer<typeof approvalChangeSchema>;

/** What an executed request wrote: the page, its link and the version written. */
export const approvalResultSchema = z.object({
  pageId: z.string().min(1),
  webUrl: z.string(),
  version: z.number().int().positive(),
});
export type ApprovalResult = z.infer<typeof approvalResultSchema>;

/**
 * A finished request's change without what only execution needed: the plan's `storage` (often the
 * largest part) is dropped and marked `storageOmitted`, so executing it is refused. Everything the
 * card shows stays. Wire as the approval service's `compactFinished`.
 */
export function compactApprovalChange(change: ApprovalChange): ApprovalChange {
  if (change.plan.storage === '') return change;
  return { ...change, plan: { ...change.plan, storage: '', storageOmitted: true } };
}
