import { z } from 'zod';
import { applyStorageEdit, storageEditSchema } from '../confluence/storage-edit.js';
import { storageToMarkdown } from '../confluence/storage-to-markdown.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { UpdateEdit } from '../intent/types.js';

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
  beforeMarkdown: z.string(),
  afterMarkdown: z.string(),
});
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

/**
 * Applies the edit to the page as loaded: the storage is edited in place (untouched macros and
 * markup survive byte for byte) and the plan remembers the version it is based on.
 * Throws AppError('INPUT_INVALID') when the edit cannot apply (text or heading not found).
 */
export function planUpdate(page: Page, edit: UpdateEdit): UpdatePlan {
  const result = applyStorageEdit(page.storage, edit);
  const title = result.title ?? page.title;
  return {
    kind: 'update',
    pageId: page.id,
    spaceKey: page.spaceKey,
    currentTitle: page.title,
    title,
    webUrl: page.webUrl,
    baseVersion: page.version.number,
    storage: result.storage,
    edit,
    summary: result.summary,
    beforeMarkdown: edit.kind === 'title' ? `# ${page.title}` : page.markdown,
    afterMarkdown: edit.kind === 'title' ? `# ${title}` : storageToMarkdown(result.storage),
  };
}

/**
 * Writes the planned update with `version = baseVersion + 1`. A page changed since the preview
 * fails with AppError('CONFLUENCE_CONFLICT'): nothing is overwritten.
 */
export async function executeUpdate(client: ConfluenceClient, plan: UpdatePlan): Promise<Page> {
  return client.updatePage({
    pageId: plan.pageId,
    title: plan.title,
    storage: plan.storage,
    baseVersion: plan.baseVersion,
    message: `Confluence Assistant: ${plan.summary}`.slice(0, 250),
  });
}
