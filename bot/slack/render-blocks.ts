import type { CardData, CardKind } from '../views/types.js';
import { renderAuditList, renderPolicy, renderStatus } from './blocks-admin.js';
import { type ApprovalRenderOptions, renderApprovalBlocks } from './blocks-approval.js';
import { renderApprovalsList } from './blocks-approvals-list.js';
import {
  renderAdminHelp,
  renderDenial,
  renderDisconnectConfirm,
  renderError,
  renderHelp,
  renderNotice,
  renderWelcome,
} from './blocks-messages.js';
import { renderFormMessage } from './blocks-modal.js';
import { renderPage, renderSearchResults } from './blocks-pages.js';
import { renderDidYouMean, renderPickPage } from './blocks-pick-page.js';
import type { BlockMessage } from './blocks-types.js';

/**
 * Block Kit rendering of the core's view data, the Slack twin of `cards/*.json`: the dispatch only.
 * One renderer per card kind (in `blocks-*.ts`, one file per view family) in a record TypeScript
 * checks is complete. Every message stays within Slack's limits whatever the data size (≤ 50
 * blocks, section text ≤ 3,000, header ≤ 150, ≤ 10 fields, button value ≤ 2,000): long lists and
 * texts are cut with a visible `…` and a note saying what was left out. User and page text is
 * escaped (`&<>`), so nothing in it can mention or ping anyone. Work is linear in the input and
 * bounded by what one message can show.
 */

/** The view the core hands an edge (structurally the core's `View`). */
export type CardView = { [K in CardKind]: { readonly kind: K; readonly data: CardData[K] } }[CardKind];

/** Options of {@link renderBlocks}. */
export interface RenderBlocksOptions extends ApprovalRenderOptions {}

type Renderers = {
  readonly [K in CardKind]: (data: CardData[K], options: RenderBlocksOptions) => BlockMessage;
};

/** One renderer per card kind; the mapped type makes a missing kind a compile error. */
const RENDERERS: Renderers = {
  'search-results': renderSearchResults,
  page: renderPage,
  approval: renderApprovalBlocks,
  denial: renderDenial,
  error: renderError,
  help: renderHelp,
  'admin-help': renderAdminHelp,
  welcome: renderWelcome,
  'approvals-list': renderApprovalsList,
  notice: renderNotice,
  'connect-form': (data) => renderFormMessage({ kind: 'connect-form', data }),
  'rotate-form': (data) => renderFormMessage({ kind: 'rotate-form', data }),
  'disconnect-confirm': renderDisconnectConfirm,
  status: renderStatus,
  policy: renderPolicy,
  'audit-list': renderAuditList,
  'pick-page': renderPickPage,
  'did-you-mean': renderDidYouMean,
};

/**
 * Renders a view as a Slack message: `blocks` within Block Kit's limits and `text`, the
 * notification fallback (always set, escaped, ≤ 500 characters). Buttons carry a card verb as
 * `action_id` and the verb's card data as a JSON `value` (see `blocks-actions.ts`). Form kinds
 * (`connect-form`, `rotate-form`) render an "Open the form" button: open `renderModal` on its click.
 * Never throws for any data the types allow.
 */
export function renderBlocks(view: CardView, options: RenderBlocksOptions = {}): BlockMessage {
  // The record is complete per kind; TypeScript cannot correlate `view.kind` with `view.data` here.
  const render = RENDERERS[view.kind] as (
    data: CardData[CardKind],
    options: RenderBlocksOptions,
  ) => BlockMessage;
  return render(view.data, options);
}
