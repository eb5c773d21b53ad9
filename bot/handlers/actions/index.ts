import type { CardAction } from '../turn.js';
import { approveAction } from './approve.js';
import { approveFromListAction } from './approve-from-list.js';
import { cancelRequestAction } from './cancel-request.js';
import { connectSubmitAction } from './connect-submit.js';
import { disconnectConfirmAction } from './disconnect-confirm.js';
import { freshPreviewAction } from './fresh-preview.js';
import { moreApprovalsAction } from './more-approvals.js';
import { moreResultsAction } from './more-results.js';
import { pickPageAction } from './pick-page.js';
import { refreshApprovalAction } from './refresh-approval.js';
import { rejectAction } from './reject.js';
import { rejectFromListAction } from './reject-from-list.js';
import { rotateSubmitAction } from './rotate-submit.js';
import { runReadingAction } from './run-reading.js';
import { showPageAction } from './show-page.js';

/**
 * Every card action, one file each. Adding a button = one file + one line here + its verb in
 * bot/views/verbs.ts; a test pins this set to the verbs the cards use.
 */
export const CARD_ACTIONS: readonly CardAction[] = [
  approveAction,
  rejectAction,
  refreshApprovalAction,
  freshPreviewAction,
  showPageAction,
  moreResultsAction,
  cancelRequestAction,
  moreApprovalsAction,
  approveFromListAction,
  rejectFromListAction,
  connectSubmitAction,
  rotateSubmitAction,
  disconnectConfirmAction,
  pickPageAction,
  runReadingAction,
];

const BY_VERB: ReadonlyMap<string, CardAction> = new Map(CARD_ACTIONS.map((action) => [action.verb, action]));

/** The handler of `verb`, or undefined for a verb no card uses (an old card, or a forged one). */
export function cardActionFor(verb: string): CardAction | undefined {
  return BY_VERB.get(verb);
}
