import { z } from 'zod';
import { markdownToStorage } from '../confluence/markdown-to-storage.js';
import type { ConfluenceClient, Page, PageRef } from '../confluence/types.js';
import { assertStorageKept } from './plan-guard.js';

/**
 * Most characters of the Markdown a create plan keeps for its preview (the card shows about 2,000);
 * the page itself is `storage`, always kept whole.
 */
export const CREATE_PREVIEW_MAX_CHARS = 8_000;

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Everything needed to create the page later, exactly as previewed (stored with an approval). */
export const createPlanSchema = z.object({
  kind: z.literal('create'),
  spaceKey: z.string(),
  title: z.string(),
  /** The body as typed, for the preview; cut to CREATE_PREVIEW_MAX_CHARS (`markdownShortened`). */
  markdown: z.string(),
  markdownShortened: z.literal(true).optional(),
  storage: z.string(),
  /** Set when a finished request's stored plan dropped `storage` (never executed again). */
  storageOmitted: z.literal(true).optional(),
  parentId: z.string().optional(),
  parentTitle: z.string().optional(),
  parentSpaceKey: z.string().optional(),
});
export type CreatePlan = z.infer<typeof createPlanSchema>;

/**
 * Builds a create plan: converts the Markdown to storage (no raw HTML or macros pass) and, when a
 * parent is named, loads it (through the caller's scoped reader) so policy can check that it lives
 * in the target space.
 */
export async function planCreate(
  client: Pick<ConfluenceClient, 'getPage'>,
  request: { title: string; spaceKey: string; markdown: string; parent?: PageRef },
): Promise<CreatePlan> {
  const storage = markdownToStorage(request.markdown);
  const preview =
    request.markdown.length > CREATE_PREVIEW_MAX_CHARS
      ? { markdown: cutAt(request.markdown, CREATE_PREVIEW_MAX_CHARS), markdownShortened: true as const }
      : { markdown: request.markdown };
  const plan: CreatePlan = {
    kind: 'create',
    spaceKey: request.spaceKey,
    title: request.title,
    ...preview,
    storage,
  };
  if (!request.parent) return plan;
  const parent = await client.getPage(request.parent);
  return {
    ...plan,
    parentId: parent.id,
    parentTitle: parent.title,
    parentSpaceKey: parent.spaceKey,
  };
}

/**
 * Creates the page exactly as planned. A plan without its storage (a finished request's record) is
 * refused with AppError('INTERNAL') rather than creating an empty page.
 */
export async function executeCreate(client: ConfluenceClient, plan: CreatePlan): Promise<Page> {
  assertStorageKept(plan);
  return client.createPage({
    spaceKey: plan.spaceKey,
    title: plan.title,
    storage: plan.storage,
    ...(plan.parentId ? { parentId: plan.parentId } : {}),
  });
}
