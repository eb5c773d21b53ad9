/**
 * View data of the admin cards: help, notices, the connector forms, status, policy and the audit
 * list. Type declarations only.
 */

/** Data of the `admin-help` card. */
export interface AdminHelpData {
  readonly connectorCount: number;
}

/** One changed setting on a `notice` card. */
export interface NoticeChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Data of the `notice` card: an admin change or warning, with what changed. */
export interface NoticeData {
  readonly title: string;
  readonly text: string;
  readonly tone: 'good' | 'warning' | 'info';
  readonly changes: readonly NoticeChange[];
}

/** Data of the `connect-form` card (the token field is always empty). */
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

/** Data of the `rotate-form` card. */
export interface RotateFormData {
  readonly connectorName: string;
  readonly siteUrl: string;
  readonly problem?: string;
}

/** Data of the `disconnect-confirm` card. */
export interface DisconnectConfirmData {
  readonly connectorName: string;
  readonly siteUrl: string;
}

/** One connector on the `status` card (never its token). */
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

/** One operation's permission and where it comes from. */
export interface PolicyRowView {
  readonly operation: string;
  readonly permission: string;
  /** e.g. `channel` or `default`. */
  readonly source: string;
}

/** Data of the `status` card: connectors, this channel's policy and approvers, the audit log. */
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

/** Data of the `policy` card. */
export interface PolicyData {
  readonly channelName: string;
  readonly rows: readonly PolicyRowView[];
  /** Explanation lines, e.g. from `/confluence policy explain`. */
  readonly explain: readonly string[];
}

/** One audit entry on the `audit-list` card. */
export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly target: string;
  readonly decision: string;
  readonly outcome: string;
}

/** Data of the `audit-list` card: the newest entries. */
export interface AuditListData {
  readonly entries: readonly AuditEntryView[];
  /** Total entries in the log. */
  readonly total: number;
}
