import { inspect } from 'node:util';
import type { SlackMention } from './decode-text.js';

/** Who the bot is in its workspace (from `auth.test` at startup). */
export interface SlackSelf {
  readonly botUserId: string;
  readonly botId?: string;
  readonly teamId?: string;
}

interface SlackMessageFields {
  readonly eventId: string;
  readonly teamId?: string;
  readonly channelId: string;
  /** Slack's `channel_type` when the event has one (`im`, `mpim`, `channel`, `group`). */
  readonly channelType?: string;
  readonly userId: string;
  /** Decoded once (see `decodeSlackText`): the bot's own mentions removed, trimmed. */
  readonly text: string;
  readonly mentions: readonly SlackMention[];
  readonly links: readonly string[];
  /** The message's own timestamp (its id in the channel). */
  readonly ts: string;
  /** Set when the message is a reply in a thread: the thread's parent `ts`. */
  readonly threadTs?: string;
}

/** The bot mentioned in a channel or group (`app_mention`). */
export interface SlackAppMention extends SlackMessageFields {
  readonly kind: 'app-mention';
}

/** A message in the bot's direct-message conversation (`message.im`); no mention needed. */
export interface SlackDirectMessage extends SlackMessageFields {
  readonly kind: 'direct-message';
}

/** A slash command (`/confluence …`). */
export interface SlackSlashCommand {
  readonly kind: 'slash-command';
  /** The command as typed, lowercased: `/confluence`. */
  readonly command: string;
  /** The text after the command, decoded like message text. */
  readonly text: string;
  readonly mentions: readonly SlackMention[];
  readonly links: readonly string[];
  readonly teamId?: string;
  readonly userId: string;
  readonly userName?: string;
  readonly channelId: string;
  /** Slack's `channel_name` (`directmessage`, `mpdm-…` for a group DM, `privategroup`, or the name). */
  readonly channelName?: string;
  readonly triggerId: string;
  /** Accepts follow-up messages for 30 minutes. */
  readonly responseUrl: string;
}

/** A Block Kit button press (`block_actions`, first action). */
export interface SlackBlockAction {
  readonly kind: 'block-action';
  readonly actionId: string;
  readonly blockId?: string;
  /** The button's value: a claim (for approvals, the request id only), never authority. */
  readonly value?: string;
  readonly teamId?: string;
  readonly userId: string;
  readonly userName?: string;
  /** Where the clicked message is (absent for buttons in a modal). */
  readonly channelId?: string;
  /** The clicked message's `ts` (for `chat.update`). */
  readonly messageTs?: string;
  readonly threadTs?: string;
  /** True when the clicked message was ephemeral (it cannot be updated with `chat.update`). */
  readonly isEphemeral: boolean;
  readonly triggerId: string;
  readonly responseUrl?: string;
}

/** One input's value in a submitted modal, by Block Kit element type. */
export type SlackInputValue =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'option'; readonly value: string }
  | { readonly type: 'options'; readonly values: readonly string[] }
  | { readonly type: 'other'; readonly elementType: string };

const REDACTED = '[redacted]';

/**
 * A submitted modal's input values by block id and action id. The values may hold a Confluence API
 * token (the connect form), so the object prints only its keys: `String`, JSON and `util.inspect`
 * (what pino and console use) show `[redacted]` for every value. Read values with `get`.
 */
export class SlackViewValues {
  readonly #values: ReadonlyMap<string, SlackInputValue>;

  constructor(values: ReadonlyMap<string, SlackInputValue>) {
    this.#values = values;
  }

  /** The input `actionId` in block `blockId`, if the modal had one. */
  get(blockId: string, actionId: string): SlackInputValue | undefined {
    return this.#values.get(`${blockId}\u0000${actionId}`);
  }

  /** The text typed into a `plain_text_input` (or a selected option's value), if any. */
  text(blockId: string, actionId: string): string | undefined {
    const input = this.get(blockId, actionId);
    return input?.type === 'text' || input?.type === 'option' ? input.value : undefined;
  }

  /** Every `[blockId, actionId]` pair present. */
  keys(): [string, string][] {
    return [...this.#values.keys()].map((key) => key.split('\u0000') as [string, string]);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.keys().map(([block, action]) => [`${block}.${action}`, REDACTED]));
  }

  [inspect.custom](): Record<string, string> {
    return this.toJSON();
  }
}

/** A modal submitted (`view_submission`). Slack's verification `token` field is dropped, never kept. */
export interface SlackViewSubmission {
  readonly kind: 'view-submission';
  readonly callbackId: string;
  /** What the bot put in the modal when opening it: a claim, never authority. */
  readonly privateMetadata: string;
  readonly values: SlackViewValues;
  readonly viewId: string;
  readonly teamId?: string;
  readonly userId: string;
  readonly userName?: string;
}

/** Everything the Slack edge hands the core, decoded once at the boundary. */
export type SlackInbound =
  | SlackAppMention
  | SlackDirectMessage
  | SlackSlashCommand
  | SlackBlockAction
  | SlackViewSubmission;

/** A verified, well-formed request the bot deliberately does nothing with (acknowledged with 200). */
export interface SlackIgnored {
  readonly kind: 'ignored';
  /** Short and value-free, for a debug log line. */
  readonly reason: string;
}

/** A `SlackIgnored` with its `reason`. */
export function ignored(reason: string): SlackIgnored {
  return { kind: 'ignored', reason };
}
