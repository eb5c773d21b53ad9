import { decideApproval } from '../../approvals/decide-approval.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** Reject a pending write (approvers only; the card updates for everyone). */
export const rejectAction = defineCardAction({
  verb: VERBS.reject,
  input: requestIdInput,
  handle: (turn, { requestId }) => decideApproval(turn, requestId, 'reject'),
});
