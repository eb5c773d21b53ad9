/**
 * Asks Confluence whether an interrupted approved write landed: reads only (the write is never run
 * again), with the connector the request was approved for, under the governing channel's current
 * spaces. Whatever keeps the bot from looking (connector gone or changed, space no longer allowed,
 * Confluence unreachable or refusing the token) is an `unknown` answer, never a guess.
 */
import { channelContext } from '../assistant/channel-context.js';
import type { AssistantDeps } from '../assistant/deps.js';
import type { Page } from '../confluence/types.js';
import { isAppError, toAppError } from '../errors.js';
import { loadPageInScope, outOfScopeSpace } from '../operations/page-scope.js';
import { spaceAllows } from '../operations/write-path.js';
import type { ApprovalRequest } from './approval-schema.js';
import { governingChannel } from './approval-status.js';
import { judgeCreate, judgeUpdate, type WriteCheck } from './judge-interrupted-write.js';

const unknown = (reason: string): WriteCheck => ({ kind: 'unknown', reason });

/** Reads what `request` would have written and judges whether the write landed (see judge-interrupted-write). */
export async function checkInterruptedWrite(
  deps: AssistantDeps,
  request: ApprovalRequest,
  skewMs?: number,
): Promise<WriteCheck> {
  const { plan } = request.change;
  if (request.decidedAt === undefined) return unknown('the request has no approval time');
  const clock = { approvedAt: new Date(request.decidedAt), ...(skewMs !== undefined ? { skewMs } : {}) };
  const context = channelContext(deps, request.requester, governingChannel(request));
  if (deps.connectors.get(request.connector) === undefined) {
    return unknown('the Confluence connector it was approved for was removed');
  }
  if (context.connector?.name !== request.connector) {
    return unknown('the Confluence connector for this channel changed');
  }
  const allows = spaceAllows(context, request.requester, plan.kind);
  if (!allows(plan.spaceKey)) return unknown(`space ${plan.spaceKey} is no longer allowed here`);
  try {
    const client = deps.clients.get(request.connector);
    const options = { ancestors: false, body: true } as const;
    if (plan.kind === 'create') {
      let found: Page | undefined;
      try {
        found = await loadPageInScope(
          client,
          { kind: 'title', title: plan.title, spaceKey: plan.spaceKey },
          allows,
          options,
        );
      } catch (error) {
        if (!isAppError(error, 'CONFLUENCE_NOT_FOUND') || outOfScopeSpace(error) !== undefined) throw error;
        found = undefined;
      }
      return judgeCreate(plan, found, clock);
    }
    const current = await loadPageInScope(client, { kind: 'id', id: plan.pageId }, allows, options);
    return judgeUpdate(plan, current, clock);
  } catch (error) {
    if (outOfScopeSpace(error) !== undefined) return unknown('the page is no longer in an allowed space');
    const appError = toAppError(error);
    if (appError.code === 'CONFLUENCE_NOT_FOUND') return unknown('the page is gone or hidden');
    return unknown(`Confluence could not be asked (${appError.code})`);
  }
}
