import type { AuditHead } from '../audit/types.js';
import type { ConnectorInfo } from '../connectors/connector-store.js';
import type { ChatTarget } from '../domain/chat.js';
import { calendarDaysUntil } from '../views/format.js';
import { recordAudit } from './audit-events.js';
import { approvalsTarget } from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { view } from './present.js';

/** Warn this many days before a token expires. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;

/**
 * Where admin notices about a connector go: the conversation where it was connected, else the
 * approvals conversation. Undefined when neither is known (the notice is then only logged).
 */
export function adminTargetFor(
  deps: Pick<AssistantDeps, 'settings'>,
  connector: ConnectorInfo,
): ChatTarget | undefined {
  const platform = connector.setupPlatform ?? 'teams';
  if (connector.setupConversationId && (platform !== 'teams' || connector.setupServiceUrl)) {
    return {
      platform,
      conversationId: connector.setupConversationId,
      channelKey: connector.setupConversationId.split(';messageid=')[0]!,
      ...(connector.setupServiceUrl ? { serviceUrl: connector.setupServiceUrl } : {}),
    };
  }
  return approvalsTarget(deps);
}

/** Sends admin notices at most once per `key` per `throttleMs` (per process). */
export function createAdminNotifier(deps: Pick<AssistantDeps, 'now' | 'logger' | 'port' | 'settings'>) {
  const lastSent = new Map<string, number>();
  return async function notify(
    connector: ConnectorInfo,
    key: string,
    notice: { title: string; text: string },
    throttleMs: number,
  ): Promise<boolean> {
    const now = deps.now().getTime();
    const previous = lastSent.get(key);
    if (previous !== undefined && now - previous < throttleMs) return false;
    lastSent.set(key, now);
    deps.logger.warn({ connector: connector.name, notice: key }, notice.title);
    const target = adminTargetFor(deps, connector);
    if (!target) return false;
    try {
      await deps.port.post(target, view('notice', { ...notice, tone: 'warning', changes: [] }, notice.title));
      return true;
    } catch (error) {
      deps.logger.error({ err: String(error), connector: connector.name }, 'could not post an admin notice');
      return false;
    }
  };
}

/** The notifier type, shared by the token checks. */
export type AdminNotifier = ReturnType<typeof createAdminNotifier>;

/**
 * The daily token check: warns admins about tokens that expire within 14 days (or have expired),
 * once a day per connector, and audits each warning. Returns the connectors warned about.
 */
export async function checkTokenExpiry(deps: AssistantDeps, notify: AdminNotifier): Promise<string[]> {
  const warned: string[] = [];
  for (const connector of deps.connectors.list()) {
    if (!connector.tokenExpiresAt) continue;
    const daysLeft = calendarDaysUntil(new Date(connector.tokenExpiresAt), deps.now());
    if (daysLeft >= TOKEN_EXPIRY_WARNING_DAYS) continue;
    const text =
      daysLeft < 0
        ? `The API token of connector ${connector.name} has expired. Confluence will refuse every request until an admin runs \`/confluence rotate ${connector.key}\`.`
        : `The API token of connector ${connector.name} expires ${daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`}. Create a new token at id.atlassian.com and run \`/confluence rotate ${connector.key}\`.`;
    const sent = await notify(
      connector,
      `expiry:${connector.name}`,
      { title: 'Confluence token expiring', text },
      20 * 60 * 60 * 1000,
    );
    if (sent) {
      warned.push(connector.name);
      await recordAudit(deps, {
        actor: { id: 'system', name: 'Confluence Assistant' },
        conversationId: adminTargetFor(deps, connector)?.conversationId ?? 'none',
        connector: connector.name,
        operation: 'token-expiry-warning',
        decision: 'n/a',
        outcome: 'ok',
        details: { daysLeft, tokenExpiresAt: connector.tokenExpiresAt },
      });
    }
  }
  return warned;
}

/** Tells admins that Confluence rejected a connector's token (at most once an hour). */
export async function noticeTokenRejected(notify: AdminNotifier, connector: ConnectorInfo): Promise<void> {
  await notify(
    connector,
    `rejected:${connector.name}`,
    {
      title: 'Confluence rejected the API token',
      text: `Confluence answered 401 for connector ${connector.name}: the token is wrong, revoked or expired. Users cannot reach Confluence until an admin runs \`/confluence rotate ${connector.key}\`.`,
    },
    60 * 60 * 1000,
  );
}

/**
 * Where the daily audit head goes: the admins' conversation, i.e. where the default connector was
 * set up, else the approvals conversation. Undefined when neither is known.
 */
export function auditHeadTarget(deps: AssistantDeps): ChatTarget | undefined {
  const connector = deps.connectors.getDefault() ?? deps.connectors.list()[0];
  return connector ? adminTargetFor(deps, connector) : approvalsTarget(deps);
}

/** The audit head as admins read it: entry count, newest hash and when the newest entry was made. */
export function describeAuditHead(head: AuditHead): string {
  return head.seq === 0
    ? 'The audit log is empty.'
    : `The audit log holds ${head.seq.toLocaleString('en')} entries; the newest (seq ${head.seq}${head.at ? `, ${head.at}` : ''}) has hash ${head.hash}.`;
}

/**
 * Posts the audit chain head (count and newest hash) to the admins' conversation at most once per
 * UTC day of `deps.now()` (per process): a copy outside DATA_DIR that anyone can compare with
 * `npm run audit:verify`, so even a rollback of the whole audit directory shows. The post itself is
 * audited (operation `audit-head`). Returns true when it posted; never throws.
 */
export function createAuditHeadNotifier(deps: AssistantDeps): () => Promise<boolean> {
  let lastDay: string | undefined;
  return async function postAuditHead(): Promise<boolean> {
    const day = deps.now().toISOString().slice(0, 10);
    if (day === lastDay) return false;
    const target = auditHeadTarget(deps);
    if (!target) return false;
    const head = deps.audit.head();
    const text = `${describeAuditHead(head)} Keep this message: \`npm run audit:verify\` must report the same hash at seq ${head.seq} (or a longer chain).`;
    try {
      await deps.port.post(
        target,
        view(
          'notice',
          { title: 'Daily audit log head', text, tone: 'info', changes: [] },
          'Daily audit log head',
        ),
      );
      lastDay = day;
      await recordAudit(deps, {
        actor: { id: 'system', name: 'Confluence Assistant' },
        conversationId: target.conversationId,
        connector: undefined,
        operation: 'audit-head',
        decision: 'n/a',
        outcome: 'ok',
        details: { seq: head.seq, hash: head.hash },
      });
      return true;
    } catch (error) {
      deps.logger.error({ err: String(error) }, 'could not post the daily audit head');
      return false;
    }
  };
}
