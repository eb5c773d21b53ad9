import { noticeTokenRejected } from '../assistant/admin-notices.js';
import { type ChannelContext, decideIn, requireConnector } from '../assistant/channel-context.js';
import { denialMessage, errorMessage } from '../assistant/present.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { OutboundMessage } from '../domain/chat.js';
import type { Actor } from '../domain/types.js';
import { AppError, isAppError } from '../errors.js';
import type { Reply, Turn, TurnAuditFacts } from '../handlers/turn.js';
import type { OperationRequest } from '../intent/types.js';
import type { Decision } from '../policy/decide.js';
import { OPERATIONS } from './index.js';
import {
  type OperationEnv,
  pageTarget,
  type ReadOperation,
  type WriteFacts,
  type WriteOperation,
} from './operation.js';
import { outOfScopeSpace } from './page-scope.js';
import type { SearchRequest } from './search.js';
import { submitForApproval } from './submit-approval.js';
import { decideWrite, type WritePlan, writeOperationOf } from './write-path.js';

/** A turn that can run operations: the turn's context, and where approval cards asked here go. */
export type OperationTurn = Turn & { readonly reply: Reply };

/**
 * How a request ended, and what to show for it: shown (`ok`), refused by policy or scope, pending
 * approval, or failed (`error` is the catalog error behind the error card).
 */
export type OperationResult =
  | { readonly outcome: 'ok' | 'refused' | 'pending'; readonly message?: OutboundMessage }
  | { readonly outcome: 'failed'; readonly message: OutboundMessage; readonly error: AppError };

type AnyOperation =
  | ReadOperation<OperationRequest, unknown, unknown>
  | WriteOperation<OperationRequest, WritePlan>;

function operationOf(request: OperationRequest): AnyOperation {
  // Each request's `operation` names the module whose Request type it is; TypeScript cannot
  // correlate the union's members with the registry's entries on its own.
  return OPERATIONS[request.operation] as AnyOperation;
}

/** What the write stage did: refused, sent on to approval (a request under confirm), or written. */
export type WriteStage =
  | { readonly kind: 'denied'; readonly decision: Decision }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'written'; readonly page: Page };

/**
 * The write stage of the pipeline, for a write asked now (`asked`) and for an approved request
 * (`approved`) alike: the one decision (`decideWrite`, the channel's current policy and spaces on
 * the facts as they are now), then the module's execute and the audit entry. An approved update
 * whose page moved past the previewed version throws AppError('CONFLUENCE_CONFLICT'): nothing is
 * overwritten.
 */
export async function writeStage(input: {
  readonly mode: 'asked' | 'approved';
  readonly context: ChannelContext;
  /** Whose request it is (the requester, for an approved one). */
  readonly requester: Actor;
  readonly client: ConfluenceClient;
  readonly plan: WritePlan;
  readonly facts: WriteFacts;
  readonly audit: (facts: TurnAuditFacts) => Promise<void>;
  readonly details?: Record<string, unknown>;
}): Promise<WriteStage> {
  const { plan, facts, client } = input;
  const operation = writeOperationOf(plan);
  const decision = decideWrite(input.context, input.requester, plan, facts);
  if (decision.permission === 'denied') return { kind: 'denied', decision };
  if (input.mode === 'asked') {
    await operation.verify?.(client, plan);
    if (decision.permission === 'confirm') return { kind: 'confirm' };
  } else {
    const previewed = operation.facts(plan).version;
    if (previewed !== undefined && facts.version !== previewed)
      throw new AppError('CONFLUENCE_CONFLICT', { details: { currentVersion: facts.version } });
  }
  const page = await operation.execute(client, plan);
  await input.audit({
    operation: plan.kind,
    target: pageTarget(page),
    decision: input.mode === 'asked' ? 'allowed' : 'approved',
    outcome: 'ok',
    ...(input.mode === 'asked' && operation.details ? { details: operation.details(plan) } : {}),
    ...(input.details ? { details: input.details } : {}),
  });
  return { kind: 'written', page };
}

/**
 * The pipeline for one operation request, for every operation alike: decide on what the request
 * names (a space outside the allowed set is refused before Confluence hears of it) → plan → for a
 * read: execute; for a write: decide on the plan's facts, then execute (allowed) or submit for
 * approval (confirm) → audit → present. Every page is read through the one scoped loader: a page in
 * a space that is not allowed is answered exactly like a missing page, its real space only in the
 * audit entry. Never throws an AppError (it becomes the `failed` result's error card).
 */
export async function runOperation(
  turn: OperationTurn,
  request: OperationRequest | SearchRequest,
): Promise<OperationResult> {
  const operation = operationOf(request);
  const context = turn.channel();
  const check = (target: Parameters<typeof decideIn>[3]) =>
    decideIn(context, turn.actor, request.operation, target);
  const refuse = async (decision: Decision, target: TurnAuditFacts['target']): Promise<OperationResult> => {
    await turn.audit({
      connector: context.connector?.name,
      operation: request.operation,
      ...(target ? { target } : {}),
      decision: 'denied',
      outcome: 'denied',
      details: { reasons: decision.reasons, code: decision.code },
    });
    return {
      outcome: 'refused',
      message: denialMessage(operation.describe(request), request.operation, decision),
    };
  };

  try {
    const named = operation.named(request);
    const early = check(named ?? {});
    if (early.permission === 'denied' && (named !== undefined || early.code === 'POLICY_DENIED'))
      return await refuse(early, operation.target(request));
    const { client } = requireConnector(turn.deps, context);
    const env: OperationEnv = {
      context,
      actor: turn.actor,
      client,
      allows: (spaceKey) => check({ spaceKey }).permission !== 'denied',
    };
    if (operation.kind === 'read') {
      const plan = operation.plan(request, early);
      const result = await operation.execute(env, plan);
      await turn.audit({
        connector: context.connector?.name,
        operation: request.operation,
        ...operation.audited(plan, result),
        decision: 'allowed',
        outcome: 'ok',
      });
      return { outcome: 'ok', message: operation.present(plan, result) };
    }
    const plan = await operation.plan(env, request);
    const stage = await writeStage({
      mode: 'asked',
      context,
      requester: turn.actor,
      client,
      plan,
      facts: operation.facts(plan),
      audit: (facts) => turn.audit({ connector: context.connector?.name, ...facts }),
    });
    if (stage.kind === 'denied') return await refuse(stage.decision, operation.planTarget(plan));
    if (stage.kind === 'confirm') return await submitForApproval(turn, context, plan);
    return { outcome: 'ok', message: operation.present(plan, stage.page) };
  } catch (error) {
    return failed(turn, context, operation.target(request), request.operation, error);
  }
}

/**
 * A request that failed: audited (a page outside the allowed spaces as a refusal naming its real
 * space, anything else as an error), the admins told when the token was rejected, and the error
 * card returned. Errors outside the catalog are rethrown after the audit attempt.
 */
async function failed(
  turn: OperationTurn,
  context: ChannelContext,
  requestTarget: TurnAuditFacts['target'],
  operation: string,
  error: unknown,
): Promise<OperationResult> {
  const hiddenSpace = outOfScopeSpace(error);
  await turn
    .audit({
      connector: context.connector?.name,
      operation,
      target: hiddenSpace ? { ...requestTarget, spaceKey: hiddenSpace } : (requestTarget ?? {}),
      decision: hiddenSpace ? 'denied' : 'allowed',
      outcome: hiddenSpace ? 'denied' : 'error',
      error,
      ...(hiddenSpace
        ? { details: { reason: 'page outside the allowed spaces; answered as not found' } }
        : {}),
    })
    .catch((auditError) => turn.deps.logger.error({ err: String(auditError) }, 'audit append failed'));
  if (!isAppError(error)) throw error;
  if (error.code === 'CONFLUENCE_UNAUTHORIZED' && context.connector)
    await noticeTokenRejected(turn.deps.notifyAdmins, context.connector);
  return hiddenSpace
    ? { outcome: 'refused', message: errorMessage(error) }
    : { outcome: 'failed', message: errorMessage(error), error };
}
