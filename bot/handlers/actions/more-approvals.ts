import { z } from 'zod';
import { moreApprovals } from '../../approvals/approvals-list.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** The next page of the approvals list, re-listed for the clicker (the offset is a position only). */
export const moreApprovalsAction = defineCardAction({
  verb: VERBS.moreApprovals,
  input: z.object({ offset: z.unknown() }),
  handle: (turn) => moreApprovals(turn.deps, turn.action),
});
