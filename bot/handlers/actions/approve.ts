import { decideApproval } from '../../approvals/decide-approval.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** Approve a pending write: re-checked and re-decided on the server, executed at most once. */
export const approveAction = defineCardAction({
  verb: VERBS.approve,
  input: requestIdInput,
  handle: (turn, { requestId }) => decideApproval(turn, requestId, 'approve'),
});
