import { createKeyedQueue } from '../approvals/keyed-queue.js';
import type { ChatPort, ChatTarget, OutboundMessage } from '../domain/chat.js';
import { context, message, section } from './blocks-build.js';
import type { BlockMessage } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { renderBlocks } from './render-blocks.js';
import type { SlackApi } from './slack-api.js';
import { toSlackAppError } from './slack-errors.js';

/** Messages whose last content is remembered (to skip updates that change nothing). */
const REMEMBERED_MESSAGES = 2_000;

/**
 * An outbound message as Block Kit. Views render with `renderBlocks`; a pending approval always
 * shows Approve/Reject (a Slack message is the same for everyone; every click is re-checked on the
 * server). Plain texts are Markdown from the core, shown as one mrkdwn section.
 */
export function toSlackMessage(outbound: OutboundMessage): BlockMessage {
  if (outbound.kind === 'text') {
    const text = markdownToMrkdwn(outbound.text);
    return message(text, [section(text)]);
  }
  const { view } = outbound;
  return renderBlocks(view, {
    showApprovalButtons: view.kind === 'approval' && view.data.status === 'pending',
  });
}

/** A short text shown to one person (an ephemeral refusal or notice), as a message. */
export function noticeMessage(text: string, note?: string): BlockMessage {
  const mrkdwn = markdownToMrkdwn(text);
  return message(mrkdwn, note ? [section(mrkdwn), context(note)] : [section(mrkdwn)]);
}

/** The Slack ChatPort and what the edge needs beside it. */
export interface SlackPort extends ChatPort {
  /**
   * Replaces the message `ts` in `channel` unless it already shows exactly this content (ten
   * clicks answered with the same decided card make one `chat.update`). Updates of one message
   * run one at a time, in call order.
   */
  replace(channel: string, ts: string, content: BlockMessage): Promise<void>;
}

/**
 * The outbound side of Slack: `post` → chat.postMessage (in the thread when `target.threadId`),
 * resolving to the message `ts`, the id the core keeps for later updates; `update` → chat.update.
 * Slack has no roster call here (`lookupMember` absent): approvers are re-checked on every click.
 * Failures reject with the catalog's SLACK_* AppError.
 */
export function createSlackPort(api: Pick<SlackApi, 'postMessage' | 'update'>): SlackPort {
  const shown = new Map<string, string>();
  const queue = createKeyedQueue();
  const remember = (key: string, content: string) => {
    shown.delete(key);
    shown.set(key, content);
    if (shown.size > REMEMBERED_MESSAGES) shown.delete(shown.keys().next().value as string);
  };
  const replace = (channel: string, ts: string, content: BlockMessage): Promise<void> => {
    const key = `${channel}\n${ts}`;
    return queue.run(key, async () => {
      const json = JSON.stringify(content);
      if (shown.get(key) === json) return;
      try {
        await api.update(channel, ts, content);
      } catch (error) {
        throw toSlackAppError(error);
      }
      remember(key, json);
    });
  };
  return {
    async post(target: ChatTarget, outbound: OutboundMessage) {
      const content = toSlackMessage(outbound);
      try {
        const posted = await api.postMessage(
          target.conversationId,
          content,
          target.threadId !== undefined ? { threadTs: target.threadId } : {},
        );
        remember(`${posted.channel}\n${posted.ts}`, JSON.stringify(content));
        return posted.ts;
      } catch (error) {
        throw toSlackAppError(error);
      }
    },
    update: (target, ts, outbound) => replace(target.conversationId, ts, toSlackMessage(outbound)),
    replace,
  };
}
