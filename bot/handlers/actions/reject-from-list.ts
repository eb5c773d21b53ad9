import { decideFromList } from '../../approvals/approvals-list.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** Reject from the approvals list; the approval card is updated where it lives. */
export const rejectFromListAction = defineCardAction({
  verb: VERBS.rejectFromList,
  input: requestIdInput,
  handle: (turn, { requestId }) => decideFromList(turn, requestId, 'reject'),
});
