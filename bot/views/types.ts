/**
 * Typed view data for every card in `cards/`. Plain data only: no Confluence or Teams types, all
 * times already formatted for people. Strings are shown literally (user text is never evaluated by
 * the templating engine). Fields marked optional may be omitted; never pass `null`.
 *
 * This file holds the card registry (kinds, data per kind, the rendered card); each family's data
 * types are in page-, approval-, reply- and admin-card-types.ts, re-exported here.
 */
import type {
  AdminHelpData,
  AuditListData,
  ConnectFormData,
  DisconnectConfirmData,
  NoticeData,
  PolicyData,
  RotateFormData,
  StatusData,
} from './admin-card-types.js';
import type { ApprovalData, ApprovalsListData } from './approval-card-types.js';
import type { PageData, PickPageData, SearchResultsData } from './page-card-types.js';
import type { DenialData, DidYouMeanData, ErrorData, HelpData, WelcomeData } from './reply-card-types.js';

export type * from './admin-card-types.js';
export type * from './approval-card-types.js';
export type * from './page-card-types.js';
export type * from './reply-card-types.js';

/** Every card template; `cards/<kind>.json` exists for each. */
export const CARD_KINDS = [
  'search-results',
  'page',
  'approval',
  'denial',
  'error',
  'help',
  'admin-help',
  'welcome',
  'approvals-list',
  'notice',
  'connect-form',
  'rotate-form',
  'disconnect-confirm',
  'status',
  'policy',
  'audit-list',
  'pick-page',
  'did-you-mean',
] as const;

/** A card template name. */
export type CardKind = (typeof CARD_KINDS)[number];

/** The view data each card kind expects. */
export interface CardData {
  'search-results': SearchResultsData;
  page: PageData;
  approval: ApprovalData;
  denial: DenialData;
  error: ErrorData;
  help: HelpData;
  'admin-help': AdminHelpData;
  welcome: WelcomeData;
  'approvals-list': ApprovalsListData;
  notice: NoticeData;
  'connect-form': ConnectFormData;
  'rotate-form': RotateFormData;
  'disconnect-confirm': DisconnectConfirmData;
  status: StatusData;
  policy: PolicyData;
  'audit-list': AuditListData;
  'pick-page': PickPageData;
  'did-you-mean': DidYouMeanData;
}

/** A rendered Adaptive Card (version 1.5), ready to put in an attachment or an invoke response. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly refresh?: {
    readonly action: { readonly type: 'Action.Execute'; readonly verb: string; readonly data: unknown };
    readonly userIds?: readonly string[];
  };
  readonly msteams?: { readonly width: string };
  readonly [key: string]: unknown;
}
