import { view } from '../assistant/present.js';
import type { OperationRequest } from '../intent/types.js';
import { buildUpdatePreviewBody } from '../views/build-diff.js';
import type { DiffLineView, UpdatePreviewBody } from '../views/types.js';
import type { WriteOperation } from './operation.js';
import { describeRef, namedByRef, refTarget } from './page-ref.js';
import { loadPageInScope } from './page-scope.js';
import { OPERATION_SPECS } from './registry.js';
import { executeUpdate, planUpdate, type UpdatePlan } from './update-page.js';

/** An update as asked. */
export type UpdateRequest = Extract<OperationRequest, { operation: 'update' }>;

function gapOf(count: number): DiffLineView {
  return { kind: 'gap', text: `… ${count} unchanged ${count === 1 ? 'line' : 'lines'}` };
}

/** Notes on a diff built from a trimmed plan preview (see `excerptForPreview`). */
function withTrim(body: UpdatePreviewBody, trim: UpdatePlan['previewTrim']): UpdatePreviewBody {
  if (!trim) return body;
  const diff: DiffLineView[] = [...body.diff];
  if (trim.leadingLines > 0 && diff.length > 0) diff.unshift(gapOf(trim.leadingLines));
  if (trim.trailingLines > 0 && diff.length > 0 && body.omittedLines === 0)
    diff.push(gapOf(trim.trailingLines));
  if (trim.shortened)
    diff.push({ kind: 'gap', text: '… preview shortened: approving writes the whole change' });
  return { ...body, diff };
}

/** update: an edit of a page's storage in place, written against the version it was planned on. */
export const updateOperation: WriteOperation<UpdateRequest, UpdatePlan> = {
  kind: 'write',
  spec: OPERATION_SPECS.update,
  describe: (request) => `Update ${describeRef(request.ref)}`,
  target: (request) => refTarget(request.ref),
  named: (request) => namedByRef(request.ref),
  async plan(env, request) {
    // The preview shows no breadcrumbs: the page and its body only.
    const page = await loadPageInScope(env.client, request.ref, env.allows, { ancestors: false });
    return planUpdate(page, request.edit);
  },
  facts: (plan) => ({ spaceKey: plan.spaceKey, version: plan.baseVersion }),
  async readFacts(reader, plan, allows) {
    // Space and version only: one call (no body, no ancestors).
    const page = await loadPageInScope(reader, { kind: 'id', id: plan.pageId }, allows, {
      ancestors: false,
      body: false,
    });
    return { spaceKey: page.spaceKey, version: page.version.number };
  },
  decisionTarget: (_plan, facts) => ({ spaceKey: facts.spaceKey }),
  pendingTarget: (plan) => ({
    spaceKey: plan.spaceKey,
    title: plan.title,
    pageId: plan.pageId,
    version: plan.baseVersion,
  }),
  rereads: 'page',
  preview: (plan) =>
    withTrim(
      buildUpdatePreviewBody({
        title: plan.title,
        webUrl: plan.webUrl,
        baseVersion: plan.baseVersion,
        summary: plan.summary,
        before: plan.beforeMarkdown,
        after: plan.afterMarkdown,
      }),
      plan.previewTrim,
    ),
  approvalSummary: (plan) => `Approval: update "${plan.title}"`,
  planTarget: (plan) => ({ pageId: plan.pageId }),
  execute: executeUpdate,
  details: (plan) => ({ summary: plan.summary, baseVersion: plan.baseVersion }),
  present: (plan, page) =>
    view('notice', {
      title: 'Page updated',
      text: `Updated [${page.title}](${page.webUrl}) to version ${page.version.number}: ${plan.summary}.`,
      tone: 'good',
      changes: [],
    }),
};
