import { freshPreview } from '../../assistant/approval-actions.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** A fresh preview for a stale request, re-decided and read through the scoped loader. */
export const freshPreviewAction = defineCardAction({
  verb: VERBS.freshPreview,
  input: requestIdInput,
  handle: (turn) => freshPreview(turn.deps, turn.action),
});
