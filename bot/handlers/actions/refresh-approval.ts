import { refreshApproval } from '../../assistant/approval-actions.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** Teams' automatic refresh of an approval card: the clicker's own view (buttons for approvers). */
export const refreshApprovalAction = defineCardAction({
  verb: VERBS.refresh,
  input: requestIdInput,
  handle: (turn) => refreshApproval(turn.deps, turn.action),
});
