/**
 * Typed view data for every card in `cards/`. Plain data only: no Confluence or Teams types, all
 * times already formatted for people. Strings are shown literally (user text is never evaluated by
 * the templating engine). Fields marked optional may be omitted; never pass `null`.
 */

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
] as const;

/** A card template name. */
export type CardKind = (typeof CARD_KINDS)[number];

/** A run of excerpt text; `highlight` runs are shown bold. */
export interface ExcerptRunView {
  readonly text: string;
  readonly highlight: boolean;
}

export interface SearchHitView {
  readonly pageId: string;
  readonly title: string;
  readonly spaceKey: string;
  readonly excerpt: readonly ExcerptRunView[];
  /** Human time, e.g. `2025-03-01 10:04 UTC`. */
  readonly lastModified: string;
  readonly webUrl: string;
}

export interface SearchResultsData {
  readonly query: string;
  /** e.g. `in HR` or `in all allowed spaces`. */
  readonly spaceFilter: string;
  readonly total: number;
  readonly hits: readonly SearchHitView[];
  /** Opaque cursor for the next page; omit on the last page. */
  readonly nextToken?: string;
}

export interface PageData {
  readonly title: string;
  /** Ancestors joined with ` › `; empty for a top-level page. */
  readonly breadcrumb: string;
  readonly spaceKey: string;
  readonly version: number;
  readonly author: string;
  /** Human time of the version. */
  readonly updatedAt: string;
  /** Teams-flavoured Markdown, already truncated. */
  readonly markdown: string;
  readonly truncated: boolean;
  readonly webUrl: string;
}

/** Body of a create preview (shown on `approval` cards). */
export interface CreatePreviewBody {
  readonly kind: 'create';
  readonly title: string;
  readonly spaceKey: string;
  /** Parent page title; omit for a page at the space root. */
  readonly parentTitle?: string;
  readonly markdown: string;
  readonly truncated: boolean;
}

/** One line of a rendered diff. `gap` stands for collapsed unchanged lines. */
export interface DiffLineView {
  readonly kind: 'added' | 'removed' | 'context' | 'gap';
  /** The line with its marker (`+ `, `- `, two spaces) or the gap text. */
  readonly text: string;
}

/** Body of an update preview (shown on `approval` cards). */
export interface UpdatePreviewBody {
  readonly kind: 'update';
  readonly title: string;
  readonly webUrl: string;
  readonly baseVersion: number;
  /** What the edit does, e.g. `Append 3 lines` or `Replace "foo" with "bar"`. */
  readonly summary: string;
  readonly diff: readonly DiffLineView[];
  /** Changed lines left out of `diff` (0 when nothing was cut). */
  readonly omittedLines: number;
  readonly added: number;
  readonly removed: number;
}

export type PreviewBody = CreatePreviewBody | UpdatePreviewBody;

/** States of an approval request as shown on its card. */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'failed' | 'stale';

export interface ApprovalData {
  readonly requestId: string;
  readonly status: ApprovalStatus;
  readonly preview: PreviewBody;
  readonly requester: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  /** Who approved or rejected (approved / rejected). */
  readonly decidedBy?: string;
  /** When it was decided, expired or failed. */
  readonly decidedAt?: string;
  /** Link to the created or updated page (approved). */
  readonly pageUrl?: string;
  /** Safe reason (failed). */
  readonly failureReason?: string;
  /** Approve/Reject buttons: true only in the approvers' view of a pending request. */
  readonly showButtons: boolean;
  /** Teams user ids (MRIs, `29:...`) that auto-refresh to the approvers' view; at most 60. */
  readonly approverIds: readonly string[];
  /** Approvers by display name (input); shown and, when `mention`, @mentioned while pending. */
  readonly approvers?: readonly ApproverView[];
  /** Approvers the conversation's roster does not have, by display name (input). */
  readonly absentApprovers?: readonly string[];
  /** Approvers beyond the 60 Teams shows buttons to (input). */
  readonly approverOverflow?: number;
  /** Mention entities for `msteams.entities` (built; empty unless pending). */
  readonly mentions?: readonly MentionView[];
  /** e.g. `<at>Lee Lead</at>, Lou Lead` (built; only while pending). */
  readonly approverLine?: string;
  /** e.g. `Rae Reader, aad-x` (built; only while pending). */
  readonly notInConversation?: string;
  /** Why some approvers get no buttons on this card (built; only while pending). */
  readonly overflowNote?: string;
}

/** One approver as an approval card names them. */
export interface ApproverView {
  /** Chat id (an MRI once known). */
  readonly id: string;
  /** Display name (the configured id when no name is known). */
  readonly name: string;
  /** True when the chat id and name are known, so an @mention reaches them. */
  readonly mention: boolean;
}

/** A Teams mention entity's data: `<at>name</at>` in the card text, `id` the person's MRI. */
export interface MentionView {
  readonly id: string;
  readonly name: string;
}

export interface DenialData {
  /** What was refused, e.g. `Create "Q3 plan" in HR`. */
  readonly what: string;
  /** The reason chain, most specific first. */
  readonly reasons: readonly string[];
  /** Who can change it, e.g. `A bot admin can run /confluence policy create confirm`. */
  readonly remedy: string;
}

export interface ErrorData {
  readonly message: string;
  /** What to do next. */
  readonly hint?: string;
  readonly correlationId: string;
}

export interface HelpData {
  /** Adds a pointer to `/confluence help` for admins. */
  readonly isAdmin: boolean;
  /** A space this conversation may use, for the examples (a placeholder when none is listed). */
  readonly exampleSpace: string;
  /** The spaces usable here, in words. */
  readonly spaces: string;
  /** In a channel or group chat people must @mention the bot. */
  readonly inChannel: boolean;
}

export interface AdminHelpData {
  readonly connectorCount: number;
}

export interface WelcomeData {
  /** True when added to a team channel (users must @mention the bot there). */
  readonly inChannel: boolean;
}

export interface ApprovalListItem {
  readonly requestId: string;
  readonly title: string;
  readonly operation: 'create' | 'update';
  readonly spaceKey: string;
  readonly requester: string;
  /** e.g. `2 hours`. */
  readonly age: string;
  readonly status: ApprovalStatus;
  /** The viewer made it and may withdraw it (adds a Cancel button). */
  readonly canCancel: boolean;
  /** The viewer may approve or reject it (adds Approve/Reject buttons; the server re-checks). */
  readonly canDecide: boolean;
}

export interface ApprovalsListData {
  /** One page of the list (the card stays far below Teams' ~28 KB limit). */
  readonly items: readonly ApprovalListItem[];
  /** All requests listed for the viewer (absent: `items` is the whole list). */
  readonly total?: number;
  /** 1-based position of the first item shown (with `total`). */
  readonly first?: number;
  /** Position of the next page, when there is one (adds a More button). */
  readonly nextOffset?: number;
  /** What the viewer's last decision from this list did, e.g. `Approved "Q4 plan".` */
  readonly notice?: string;
}

export interface NoticeChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface NoticeData {
  readonly title: string;
  readonly text: string;
  readonly tone: 'good' | 'warning' | 'info';
  readonly changes: readonly NoticeChange[];
}

export interface ConnectFormData {
  /** Suggested connector name (never a secret). */
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  /** Comma-separated space keys. */
  readonly spaces: string;
  /** Validation message from a previous submit; omit on first show. */
  readonly problem?: string;
}

export interface RotateFormData {
  readonly connectorName: string;
  readonly siteUrl: string;
  readonly problem?: string;
}

export interface DisconnectConfirmData {
  readonly connectorName: string;
  readonly siteUrl: string;
}

export interface ConnectorStatusView {
  readonly name: string;
  readonly siteUrl: string;
  readonly account: string;
  /** e.g. `12 days`. */
  readonly tokenAge: string;
  /** e.g. `2025-05-01 (in 9 days)` or `not set`. */
  readonly tokenExpiry: string;
  /** True when the token expires within 14 days (or has expired). */
  readonly expiryWarning: boolean;
  /** e.g. `HR, ENG` or `all spaces the account can see` or `none (fail closed)`. */
  readonly spaces: string;
}

export interface PolicyRowView {
  readonly operation: string;
  readonly permission: string;
  /** e.g. `channel` or `default`. */
  readonly source: string;
}

export interface StatusData {
  readonly connectors: readonly ConnectorStatusView[];
  readonly channelName: string;
  readonly policy: readonly PolicyRowView[];
  /** Display names or ids; empty = none named. */
  readonly approvers: readonly string[];
  /** Where approval cards for personal-chat requests go, e.g. `#writers`; omit if unset. */
  readonly approvalsConversation?: string;
  /** The audit log's entry count and newest hash, as a sentence; omit to hide the line. */
  readonly audit?: string;
}

export interface PolicyData {
  readonly channelName: string;
  readonly rows: readonly PolicyRowView[];
  /** Explanation lines, e.g. from `/confluence policy explain`. */
  readonly explain: readonly string[];
}

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly target: string;
  readonly decision: string;
  readonly outcome: string;
}

export interface AuditListData {
  readonly entries: readonly AuditEntryView[];
  /** Total entries in the log. */
  readonly total: number;
}

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
