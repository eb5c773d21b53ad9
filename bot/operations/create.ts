import { view } from '../assistant/present.js';
import type { ConfluenceClient } from '../confluence/types.js';
import { AppError, isAppError } from '../errors.js';
import type { OperationRequest } from '../intent/types.js';
import { buildCreatePreviewBody } from '../views/build-view-data.js';
import { type CreatePlan, executeCreate, planCreate } from './create-page.js';
import type { WriteOperation } from './operation.js';
import { spaceNamedBy } from './page-ref.js';
import { loadPageInScope, scopedReader } from './page-scope.js';
import { OPERATION_SPECS } from './registry.js';

/** A create as asked. */
export type CreateRequest = Extract<OperationRequest, { operation: 'create' }>;

/** Refuses a title the space already has (Confluence would refuse the create anyway, later). */
async function assertTitleFree(client: ConfluenceClient, plan: CreatePlan): Promise<void> {
  try {
    await client.getPage(
      { kind: 'title', title: plan.title, spaceKey: plan.spaceKey },
      { ancestors: false, body: false },
    );
  } catch (error) {
    if (isAppError(error, 'CONFLUENCE_NOT_FOUND')) return;
    throw error;
  }
  throw new AppError('CONFLUENCE_DUPLICATE_TITLE', {
    userMessage: `A page called "${plan.title}" already exists in ${plan.spaceKey}. Pick another title or update that page.`,
  });
}

/** create: a page from Markdown in a space (under a parent in the same space). */
export const createOperation: WriteOperation<CreateRequest, CreatePlan> = {
  kind: 'write',
  spec: OPERATION_SPECS.create,
  describe: (request) => `Create "${request.title}" in ${request.spaceKey}`,
  target: (request) => ({ spaceKey: request.spaceKey, title: request.title }),
  named(request) {
    const parentSpaceKey = request.parent ? spaceNamedBy(request.parent) : undefined;
    return { spaceKey: request.spaceKey, ...(parentSpaceKey ? { parentSpaceKey } : {}) };
  },
  // The parent is read for its id, title and space only: no body, no breadcrumbs.
  plan: (env, request) =>
    planCreate(
      {
        getPage: (ref) =>
          scopedReader(env.client, env.allows).getPage(ref, { ancestors: false, body: false }),
      },
      request,
    ),
  facts: (plan) => ({
    spaceKey: plan.spaceKey,
    ...(plan.parentSpaceKey ? { parentSpaceKey: plan.parentSpaceKey } : {}),
  }),
  async readFacts(reader, plan, allows) {
    if (!plan.parentId) return { spaceKey: plan.spaceKey };
    const parent = await loadPageInScope(reader, { kind: 'id', id: plan.parentId }, allows, {
      ancestors: false,
      body: false,
    });
    return { spaceKey: plan.spaceKey, parentSpaceKey: parent.spaceKey };
  },
  decisionTarget: (plan, facts) => ({
    spaceKey: facts.spaceKey,
    ...(plan.parentId ? { parentSpaceKey: facts.parentSpaceKey ?? null } : {}),
  }),
  pendingTarget: (plan) => ({ spaceKey: plan.spaceKey, title: plan.title }),
  rereads: 'parent page',
  preview(plan) {
    const body = buildCreatePreviewBody({
      title: plan.title,
      spaceKey: plan.spaceKey,
      ...(plan.parentTitle ? { parentTitle: plan.parentTitle } : {}),
      markdown: plan.markdown,
    });
    return plan.markdownShortened ? { ...body, truncated: true } : body;
  },
  approvalSummary: (plan) => `Approval: create "${plan.title}" in ${plan.spaceKey}`,
  planTarget: (plan) => ({ spaceKey: plan.spaceKey, title: plan.title }),
  verify: assertTitleFree,
  execute: executeCreate,
  present: (_plan, page) =>
    view('notice', {
      title: 'Page created',
      text: `Created [${page.title}](${page.webUrl}) in ${page.spaceKey}.`,
      tone: 'good',
      changes: [],
    }),
};
