import type { ApprovalListItem, ApprovalsListData } from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import {
  actions,
  button,
  compact,
  context,
  cutNote,
  fitItems,
  header,
  message,
  plural,
  section,
  titleText,
} from './blocks-build.js';
import type { Block, BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { escapeMrkdwn } from './mrkdwn.js';

/* Block Kit for the approvals list: one item per request with the buttons its viewer may use. */

function approvalItemBlocks(item: ApprovalListItem): Block[] {
  const id = { requestId: item.requestId };
  const pending = item.status === 'pending';
  return compact([
    section(
      `*${titleText(item.title)}* · ${escapeMrkdwn(item.operation)} in ${escapeMrkdwn(item.spaceKey)}\n${escapeMrkdwn(item.status)} · by ${escapeMrkdwn(item.requester)} · ${escapeMrkdwn(item.age)}`,
    ),
    actions([
      ...(item.canDecide && pending
        ? [
            button('Approve', VERBS.approveFromList, id, 'primary'),
            button('Reject', VERBS.rejectFromList, id, 'danger'),
          ]
        : []),
      ...(item.canCancel && pending ? [button('Cancel request', VERBS.cancel, id)] : []),
    ]),
  ]);
}

/** The `approvals-list` card: requests oldest first, fitted to one message, More while there are more. */
export function renderApprovalsList(data: ApprovalsListData): BlockMessage {
  const head = compact([
    header('Approval requests'),
    data.notice ? section(markdownToMrkdwn(data.notice)) : undefined,
    data.items.length === 0
      ? section('_Nothing waiting: no pending request you can decide or made._')
      : undefined,
    data.total !== undefined && data.items.length > 0
      ? context(
          `Showing ${data.first ?? 1}–${(data.first ?? 1) + data.items.length - 1} of ${data.total}, oldest first.`,
        )
      : undefined,
  ]);
  const room = LIMITS.messageBlocks - head.length - 2;
  const items = fitItems(data.items, room, approvalItemBlocks);
  const more =
    data.nextOffset !== undefined
      ? actions([button('More', VERBS.moreApprovals, { offset: data.nextOffset })])
      : undefined;
  const blocks = compact([
    ...head,
    ...items.blocks,
    cutNote(items.shown, data.items.length, 'requests', 'Send approvals again to see the rest.'),
    more,
  ]);
  const total = data.total ?? data.items.length;
  return message(`Approval requests: ${plural(total, 'request', 'requests')}`, blocks);
}
