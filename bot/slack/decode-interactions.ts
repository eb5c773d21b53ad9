import type { z } from 'zod';
import { type SlackInbound, type SlackInputValue, SlackViewValues } from './inbound.js';
import {
  blockActionsSchema,
  type elementSchema,
  parseWith,
  viewSubmissionSchema,
} from './payload-schemas.js';

/*
 * Decoding interactivity payloads: a button press (`block_actions`) and a modal submit
 * (`view_submission`, its inputs read into typed values).
 */

function inputValue(element: z.infer<typeof elementSchema>): SlackInputValue {
  if (element.selected_options)
    return { type: 'options', values: element.selected_options.map((o) => o.value) };
  if (element.selected_option) return { type: 'option', value: element.selected_option.value };
  const selected =
    element.selected_user ??
    element.selected_conversation ??
    element.selected_channel ??
    element.selected_date;
  if (typeof selected === 'string') return { type: 'option', value: selected };
  if ('value' in element) return { type: 'text', value: element.value ?? '' };
  return { type: 'other', elementType: element.type };
}

/**
 * A `block_actions` payload as a `block-action` (its first action; channel, message and thread from
 * the payload or its container).
 *
 * @throws SlackPayloadError when it does not have Slack's shape.
 */
export function decodeBlockActions(body: unknown): SlackInbound {
  const payload = parseWith(blockActionsSchema, body, 'block_actions payload');
  const action = payload.actions[0]!;
  const channelId = payload.channel?.id ?? payload.container?.channel_id;
  const messageTs = payload.message?.ts ?? payload.container?.message_ts;
  const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts;
  const userName = payload.user.name ?? payload.user.username;
  const teamId = payload.team?.id;
  return {
    kind: 'block-action',
    actionId: action.action_id,
    ...(action.block_id !== undefined ? { blockId: action.block_id } : {}),
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    userId: payload.user.id,
    ...(userName !== undefined ? { userName } : {}),
    ...(channelId !== undefined ? { channelId } : {}),
    ...(messageTs !== undefined ? { messageTs } : {}),
    ...(threadTs !== undefined ? { threadTs } : {}),
    isEphemeral: payload.container?.is_ephemeral === true,
    triggerId: payload.trigger_id,
    ...(payload.response_url !== undefined ? { responseUrl: payload.response_url } : {}),
  };
}

/**
 * A `view_submission` payload as a `view-submission`, every input's value keyed by block and action.
 *
 * @throws SlackPayloadError when it does not have Slack's shape.
 */
export function decodeViewSubmission(body: unknown): SlackInbound {
  const payload = parseWith(viewSubmissionSchema, body, 'view_submission payload');
  const values = new Map<string, SlackInputValue>();
  for (const [blockId, actions] of Object.entries(payload.view.state.values)) {
    for (const [actionId, element] of Object.entries(actions)) {
      values.set(`${blockId}\u0000${actionId}`, inputValue(element));
    }
  }
  const userName = payload.user.name ?? payload.user.username;
  const teamId = payload.team?.id;
  return {
    kind: 'view-submission',
    callbackId: payload.view.callback_id,
    privateMetadata: payload.view.private_metadata,
    values: new SlackViewValues(values),
    viewId: payload.view.id,
    ...(teamId !== undefined ? { teamId } : {}),
    userId: payload.user.id,
    ...(userName !== undefined ? { userName } : {}),
  };
}
