import { view } from '../../assistant/present.js';
import { formatTimestamp } from '../../views/format.js';
import { type AdminCommandHandler, auditAdmin } from './admin-command.js';
import { exportAuditLog } from './export-audit.js';

/** How many entries `/confluence audit` shows without N, and at most. */
const DEFAULT_COUNT = 10;
const MAX_COUNT = 50;

/**
 * `/confluence audit [N] [export]`: the newest N entries (1–50), and with `export` the whole log
 * written as JSON and CSV under the data directory (the export itself is audited).
 */
export const handleAudit: AdminCommandHandler<'audit'> = async (turn, command) => {
  const count = Math.min(Math.max(command.count ?? DEFAULT_COUNT, 1), MAX_COUNT);
  const entries = await turn.deps.audit.tail(count);
  await turn.reply(
    view('audit-list', {
      total: entries[0]?.seq ?? 0,
      entries: entries.map((e) => ({
        seq: e.seq,
        at: formatTimestamp(e.at),
        actor: e.actor.name,
        operation: e.operation,
        target:
          [e.target.spaceKey, e.target.title ?? e.target.pageId ?? e.target.query]
            .filter(Boolean)
            .join(' · ') || '—',
        decision: e.decision,
        outcome: e.outcome,
      })),
    }),
  );
  if (!command.export) return;
  const stem = await exportAuditLog(turn.deps);
  await auditAdmin(turn, command, { export: stem });
  await turn.reply({
    kind: 'text',
    text: `Exported the audit log as exports/${stem}.json and exports/${stem}.csv under the bot's data directory.`,
  });
};
