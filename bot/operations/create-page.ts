import { z } from 'zod';
import { markdownToStorage } from '../confluence/markdown-to-storage.js';
import type { ConfluenceClient, Page, PageRef } from '../confluence/types.js';

/** Everything needed to create the page later, exactly as previewed (stored with an approval). */
export const createPlanSchema = z.object({
  kind: z.literal('create'),
  spaceKey: z.string(),
  title: z.string(),
  markdown: z.string(),
  storage: z.string(),
  parentId: z.string().optional(),
  parentTitle: z.string().optional(),
  parentSpaceKey: z.string().optional(),
});
export type CreatePlan = z.infer<typeof createPlanSchema>;

/**
 * Builds a create plan: converts the Markdown to storage (no raw HTML or macros pass) and, when a
 * parent is named, loads it so policy can check that it lives in the target space.
 */
export async function planCreate(
  client: ConfluenceClient,
  request: { title: string; spaceKey: string; markdown: string; parent?: PageRef },
): Promise<CreatePlan> {
  const storage = markdownToStorage(request.markdown);
  if (!request.parent) {
    return {
      kind: 'create',
      spaceKey: request.spaceKey,
      title: request.title,
      markdown: request.markdown,
      storage,
    };
  }
  const parent = await client.getPage(request.parent);
  return {
    kind: 'create',
    spaceKey: request.spaceKey,
    title: request.title,
    markdown: request.markdown,
    storage,
    parentId: parent.id,
    parentTitle: parent.title,
    parentSpaceKey: parent.spaceKey,
  };
}

/** Creates the page exactly as planned. */
export async function executeCreate(client: ConfluenceClient, plan: CreatePlan): Promise<Page> {
  return client.createPage({
    spaceKey: plan.spaceKey,
    title: plan.title,
    storage: plan.storage,
    ...(plan.parentId ? { parentId: plan.parentId } : {}),
  });
}
