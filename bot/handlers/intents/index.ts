import type { IntentHandlers } from '../turn.js';
import { handleAdmin, handleAdminInvalid } from './admin.js';
import { handleApprovals } from './approvals.js';
import { handleFailure } from './failure.js';
import { handleFollowUp } from './follow-up.js';
import { handleGreeting, handleHelp } from './help.js';
import { handleOperation } from './operation.js';
import { handlePageByName } from './page-by-name.js';
import { handleQuestion } from './question.js';
import { handleUnclear } from './unclear.js';

/**
 * What each kind of message does, one entry per intent kind (the type makes the set complete:
 * a new kind of intent does not compile until it has a handler here).
 */
export const INTENT_HANDLERS: IntentHandlers = {
  operation: handleOperation,
  admin: handleAdmin,
  'admin-invalid': handleAdminInvalid,
  question: handleQuestion,
  approvals: handleApprovals,
  help: handleHelp,
  greeting: handleGreeting,
  failure: handleFailure,
  'page-by-name': handlePageByName,
  'follow-up': handleFollowUp,
  unclear: handleUnclear,
};
