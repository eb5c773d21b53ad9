/**
 * View data of the approval cards: one request (`approval`) and the list (`approvals-list`).
 * Type declarations only.
 */
import type { PreviewBody } from './page-card-types.js';

/** States of an approval request as shown on its card. */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'failed' | 'stale';

/** Data of the `approval` card: one write request in one state. */
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

/** One request on the `approvals-list` card. */
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

/** Data of the `approvals-list` card: one page of the requests the viewer may see. */
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
