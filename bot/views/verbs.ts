/**
 * Every `Action.Execute` verb the cards in `cards/*.json` use. The chat edge registers one route per
 * verb; a test asserts every verb in the templates is listed here. `approve` and `reject` are fixed
 * by the approval-card contract. Card `data` is a claim: handlers reload and re-check everything.
 */
export const VERBS = {
  /** Approve a pending write. Data: exactly `{ requestId }`. */
  approve: 'approve',
  /** Reject a pending write. Data: exactly `{ requestId }`. */
  reject: 'reject',
  /** Automatic refresh of an approval card (user-specific view for approvers). Data: `{ requestId }`. */
  refresh: 'refreshApproval',
  /** Build a fresh preview for a stale request. Data: `{ requestId }`. */
  freshPreview: 'freshPreview',
  /** Show one page from a search result. Data: `{ pageId }`. */
  showPage: 'showPage',
  /** Next page of search results. Data: `{ token }`. */
  moreResults: 'moreResults',
  /** Submit of the connect form. Data: inputs (see CONNECT_FORM_INPUTS). */
  connectSubmit: 'connectSubmit',
  /** Submit of the rotate form. Data: `{ connector }` plus inputs (see ROTATE_FORM_INPUTS). */
  rotateSubmit: 'rotateSubmit',
  /** Confirm removing a connector. Data: `{ connector }`. */
  disconnectConfirm: 'disconnectConfirm',
  /** The requester withdraws a pending request. Data: `{ requestId }`. */
  cancel: 'cancelRequest',
  /** Next page of the `approvals` list, re-listed for the clicker. Data: `{ offset }` (a position only). */
  moreApprovals: 'moreApprovals',
  /**
   * Approve from the `approvals` list (for approvers whose approval card never arrived or who are
   * not in its conversation). Data: exactly `{ requestId }`; re-checked like `approve`. A verb of
   * its own so the list is re-drawn for the clicker and the approval card updated where it lives.
   */
  approveFromList: 'approveFromList',
  /** Reject from the `approvals` list. Data: exactly `{ requestId }`; re-checked like `reject`. */
  rejectFromList: 'rejectFromList',
  /**
   * Pick one of several pages a title matched. Data: `{ pageId, request }` (request = the original
   * request without its page, as JSON); run for the clicker through the pipeline, re-decided.
   */
  pickPage: 'pickPage',
  /** Run a "did you mean" reading as if the clicker typed it (user commands only). Data: `{ text }`. */
  runReading: 'runReading',
} as const;

/** One card verb. */
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** All verbs as a list (for route registration and tests). */
export const ALL_VERBS: readonly Verb[] = Object.freeze(Object.values(VERBS));

/** Input ids of the `connect-form` card, as they arrive in the `connectSubmit` action data. */
export const CONNECT_FORM_INPUTS = {
  name: 'connectorName',
  siteUrl: 'siteUrl',
  email: 'accountEmail',
  apiToken: 'apiToken',
  tokenExpiry: 'tokenExpiry',
  spaces: 'allowedSpaces',
} as const;

/** Input ids of the `rotate-form` card, as they arrive in the `rotateSubmit` action data. */
export const ROTATE_FORM_INPUTS = {
  apiToken: 'apiToken',
  tokenExpiry: 'tokenExpiry',
} as const;
