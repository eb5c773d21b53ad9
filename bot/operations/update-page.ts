import { z } from 'zod';
import { planEditOffThread } from '../confluence/convert-off-thread.js';
import { storageEditSchema } from '../confluence/storage-edit.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { UpdateEdit } from '../intent/types.js';
import { assertStorageKept } from './plan-guard.js';

/** What `excerptForPreview` cut from the page text: re-added on the card as gap lines and a note. */
export const previewTrimSchema = z.object({
  /** Unchanged lines dropped before the kept context. */
  leadingLines: z.number().int().nonnegative(),
  /** Unchanged lines dropped after the kept context. */
  trailingLines: z.number().int().nonnegative(),
  /** The changed part itself was longer than PLAN_PREVIEW_MAX_CHARS and was cut. */
  shortened: z.boolean(),
});
export type PreviewTrim = z.infer<typeof previewTrimSchema>;

/** Everything needed to write the update later against the previewed version. */
export const updatePlanSchema = z.object({
  kind: z.literal('update'),
  pageId: z.string(),
  spaceKey: z.string(),
  currentTitle: z.string(),
  title: z.string(),
  webUrl: z.string(),
  baseVersion: z.number().int().positive(),
  storage: z.string(),
  edit: storageEditSchema,
  summary: z.string(),
  /** Page text before the edit: the part around the change only when `previewTrim` is set. */
  beforeMarkdown: z.string(),
  /** Page text after the edit, cut like `beforeMarkdown`. */
  afterMarkdown: z.string(),
  previewTrim: previewTrimSchema.optional(),
  /** Set when a finished request's stored plan dropped `storage` (never executed again). */
  storageOmitted: z.literal(true).optional(),
});
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

/**
 * Applies the edit to the page as loaded: the storage is edited in place (untouched macros and
 * markup survive byte for byte) and the plan remembers the version it is based on. Big pages are
 * edited and rendered on the page worker, so planning never blocks the event loop.
 * Throws AppError('INPUT_INVALID') when the edit cannot apply (text or heading not found) and
 * AppError('PAGE_TOO_LARGE') when the page is too large to plan here (see `planEditOffThread`).
 */
export async function planUpdate(page: Page, edit: UpdateEdit): Promise<UpdatePlan> {
  const planned = await planEditOffThread({ storage: page.storage, title: page.title, edit }, page.webUrl);
  return {
    kind: 'update',
    pageId: page.id,
    spaceKey: page.spaceKey,
    currentTitle: page.title,
    title: planned.title,
    webUrl: page.webUrl,
    baseVersion: page.version.number,
    storage: planned.storage,
    edit,
    summary: planned.summary,
    beforeMarkdown: planned.before,
    afterMarkdown: planned.after,
    ...(planned.trim ? { previewTrim: planned.trim } : {}),
  };
}

/**
 * Writes the planned update with `version = baseVersion + 1`. A page changed since the preview
 * fails with AppError('CONFLUENCE_CONFLICT'): nothing is overwritten. A plan without its storage
 * (a finished request's record) is refused with AppError('INTERNAL') rather than blanking the page.
 */
export async function executeUpdate(client: ConfluenceClient, plan: UpdatePlan): Promise<Page> {
  assertStorageKept(plan);
  return client.updatePage({
    pageId: plan.pageId,
    title: plan.title,
    storage: plan.storage,
    baseVersion: plan.baseVersion,
    message: `Confluence Assistant: ${plan.summary}`.slice(0, 250),
  });
}
