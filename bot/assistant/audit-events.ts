import type { AuditDecision, AuditOutcome, AuditTarget } from '../audit/types.js';
import type { Actor } from '../domain/types.js';
import { isAppError } from '../errors.js';
import type { AssistantDeps } from './deps.js';

/** One audit event as the core describes it; the actor and conversation come from the request. */
export interface AuditFacts {
  readonly actor: Actor;
  readonly conversationId: string;
  readonly connector: string | undefined;
  readonly operation: string;
  readonly target?: AuditTarget;
  readonly decision: AuditDecision;
  readonly outcome: AuditOutcome;
  readonly error?: unknown;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends an audit entry and resolves once it is durable, so callers acknowledge an action to the
 * user only after it is recorded. Error texts are the catalog's safe messages, never raw causes.
 */
export async function recordAudit(deps: AssistantDeps, facts: AuditFacts): Promise<void> {
  const error =
    facts.error === undefined
      ? undefined
      : isAppError(facts.error)
        ? `${facts.error.code}: ${facts.error.userMessage}`
        : 'INTERNAL: unexpected error';
  await deps.audit.append({
    actor: {
      id: facts.actor.id,
      name: facts.actor.name,
      ...(facts.actor.aadObjectId ? { aadObjectId: facts.actor.aadObjectId } : {}),
    },
    conversationId: facts.conversationId,
    connector: facts.connector ?? 'none',
    operation: facts.operation,
    target: facts.target ?? {},
    decision: facts.decision,
    outcome: facts.outcome,
    ...(error ? { error } : {}),
    ...(facts.details ? { details: facts.details } : {}),
  });
}
