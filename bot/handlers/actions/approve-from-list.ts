import { decideFromList } from '../../approvals/approvals-list.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** Approve from the approvals list; the approval card is updated where it lives. */
export const approveFromListAction = defineCardAction({
  verb: VERBS.approveFromList,
  input: requestIdInput,
  handle: (turn, { requestId }) => decideFromList(turn, requestId, 'approve'),
});
