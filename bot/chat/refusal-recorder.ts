import type { AuditEventInput, AuditLog } from '../audit/types.js';
import type { Logger } from '../logger.js';
import type { InboundRefusal } from './inbound-gate.js';

/** Audit operation of a refused inbound activity (one per kind per window, plus one summary). */
export const INBOUND_REFUSED_OPERATION = 'inbound-refused';

/** Defaults: one window a minute, at most 20 itemised refusal entries in it. */
const DEFAULT_WINDOW_MS = 60_000;
const DEFAULT_MAX_ENTRIES_PER_WINDOW = 20;
const MAX_CLAIM_LENGTH = 100;

/** Who and where an inbound activity claimed to be (caller-controlled, shown clipped). */
export interface InboundClaims {
  readonly fromId?: string;
  readonly fromName?: string;
  readonly conversationId?: string;
}

/**
 * Records inbound refusals and authentication failures without letting a flood grow the audit
 * log or the log without bound. Within one window (default a minute) each kind of refusal
 * (reason + channel + tenant) is audited once, and at most `maxEntriesPerWindow` kinds are;
 * everything else is counted and written as one summary entry (`details.summary: true`) when the
 * next window starts or on `flush`. Authentication failures are never audited (unauthenticated
 * callers must not be able to write to the audit log); the first of each window is logged in one
 * short line and the rest are counted into the next one.
 */
export interface RefusalRecorder {
  /** A refused activity (403). Never throws; audit write failures are logged. */
  refused(refusal: InboundRefusal, claims: InboundClaims): void;
  /** A request that failed authentication (401). `reason` is logged, never sent to the caller. */
  unauthorized(reason: string): void;
  /** Writes pending summaries and waits for every audit append issued so far. */
  flush(): Promise<void>;
}

function clip(value: string | undefined, fallback: string): string {
  if (value === undefined || value.length === 0) return fallback;
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > MAX_CLAIM_LENGTH ? `${printable.slice(0, MAX_CLAIM_LENGTH)}…` : printable;
}

/** Builds the recorder. `audit` absent = refusals are only logged (unit tests of the HTTP edge). */
export function createRefusalRecorder(options: {
  readonly audit?: Pick<AuditLog, 'append'>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly windowMs?: number;
  readonly maxEntriesPerWindow?: number;
}): RefusalRecorder {
  const { audit, logger } = options;
  const now = options.now ?? (() => new Date());
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const maxEntries = options.maxEntriesPerWindow ?? DEFAULT_MAX_ENTRIES_PER_WINDOW;

  let windowStart = now().getTime();
  let windowStartIso = now().toISOString();
  const auditedKinds = new Set<string>();
  let suppressed = 0;
  const suppressedByReason = new Map<string, number>();
  let authFailuresLogged = false;
  let authFailuresSuppressed = 0;
  const pending = new Set<Promise<unknown>>();

  const append = (event: AuditEventInput): void => {
    if (!audit) return;
    const write = audit
      .append(event)
      .catch((error: unknown) =>
        logger.error(
          { err: String((error as Error)?.message ?? error) },
          'could not audit an inbound refusal',
        ),
      );
    pending.add(write);
    void write.finally(() => pending.delete(write));
  };

  const closeWindow = (): void => {
    if (suppressed > 0) {
      const reasons = Object.fromEntries(suppressedByReason);
      logger.warn({ suppressed, reasons, since: windowStartIso }, 'more inbound activities were refused');
      append({
        actor: { id: 'unknown', name: 'inbound' },
        conversationId: '',
        connector: 'none',
        operation: INBOUND_REFUSED_OPERATION,
        target: {},
        decision: 'denied',
        outcome: 'denied',
        details: {
          summary: true,
          refused: suppressed,
          reasons,
          since: windowStartIso,
          until: now().toISOString(),
        },
      });
    }
    if (authFailuresSuppressed > 0) {
      logger.warn(
        { count: authFailuresSuppressed, since: windowStartIso },
        'more inbound requests failed authentication (401)',
      );
    }
    auditedKinds.clear();
    suppressed = 0;
    suppressedByReason.clear();
    authFailuresLogged = false;
    authFailuresSuppressed = 0;
    windowStart = now().getTime();
    windowStartIso = now().toISOString();
  };

  const roll = (): void => {
    const t = now().getTime();
    if (t - windowStart >= windowMs || t < windowStart) closeWindow();
  };

  return {
    refused(refusal, claims) {
      roll();
      const kind = `${refusal.reason}|${refusal.channelId}|${refusal.tenantId ?? ''}|${refusal.otherTenantId ?? ''}`;
      if (auditedKinds.has(kind) || auditedKinds.size >= maxEntries) {
        suppressed += 1;
        suppressedByReason.set(refusal.reason, (suppressedByReason.get(refusal.reason) ?? 0) + 1);
        return;
      }
      auditedKinds.add(kind);
      logger.warn({ ...refusal }, 'inbound activity refused (403)');
      append({
        actor: { id: clip(claims.fromId, 'unknown'), name: clip(claims.fromName, 'unknown') },
        conversationId: clip(claims.conversationId, ''),
        connector: 'none',
        operation: INBOUND_REFUSED_OPERATION,
        target: {},
        decision: 'denied',
        outcome: 'denied',
        error: 'This tenant or channel may not use the bot.',
        details: { ...refusal },
      });
    },
    unauthorized(reason) {
      roll();
      if (authFailuresLogged) {
        authFailuresSuppressed += 1;
        return;
      }
      authFailuresLogged = true;
      logger.warn(
        { reason: clip(reason, 'unknown').slice(0, 120) },
        'inbound request failed authentication (401)',
      );
    },
    async flush() {
      closeWindow();
      await Promise.all([...pending]);
    },
  };
}
