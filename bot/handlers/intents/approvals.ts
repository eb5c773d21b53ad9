import { showApprovalsList } from '../../approvals/approvals-list.js';
import type { IntentHandlers } from '../turn.js';

/** `approvals`: pending requests I can decide or I made. */
export const handleApprovals: IntentHandlers['approvals'] = (turn) =>
  showApprovalsList(turn.deps, turn.chat, turn.reply);
