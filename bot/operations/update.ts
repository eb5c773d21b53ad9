import { view } from '../assistant/present.js';
import type { OperationRequest } from '../intent/types.js';
import type { WriteOperation } from './operation.js';
import { describeRef, namedByRef, refTarget } from './page-ref.js';
import { loadPageInScope } from './page-scope.js';
import { OPERATION_SPECS } from './registry.js';
import { executeUpdate, planUpdate, type UpdatePlan } from './update-page.js';

/** An update as asked. */
export type UpdateRequest = Extract<OperationRequest, { operation: 'update' }>;

/** update: an edit of a page's storage in place, written against the version it was planned on. */
export const updateOperation: WriteOperation<UpdateRequest, UpdatePlan> = {
  kind: 'write',
  spec: OPERATION_SPECS.update,
  describe: (request) => `Update ${describeRef(request.ref)}`,
  target: (request) => refTarget(request.ref),
  named: (request) => namedByRef(request.ref),
  async plan(env, request) {
    const page = await loadPageInScope(env.client, request.ref, env.allows);
    return planUpdate(page, request.edit);
  },
  facts: (plan) => ({ spaceKey: plan.spaceKey, version: plan.baseVersion }),
  async readFacts(reader, plan, allows) {
    const page = await loadPageInScope(reader, { kind: 'id', id: plan.pageId }, allows);
    return { spaceKey: page.spaceKey, version: page.version.number };
  },
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
