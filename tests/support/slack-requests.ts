import { createHmac } from 'node:crypto';
import { FAKE_BOT_USER_ID, FAKE_CHANNELS, FAKE_TEAM_ID, FAKE_USERS } from './slack-fake/directory.js';

/**
 * Builders of signed Slack requests for `POST /slack/events`, written independently of the bot's
 * verifier: events (JSON), slash commands (form) and interactivity (form `payload` JSON), signed as
 * Slack signs them (`v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`).
 */

/** The signing secret tests configure (SLACK_SIGNING_SECRET). */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** A request as the receiver (or `fetch`) takes it. */
export interface SignedSlackRequest {
  readonly rawBody: string;
  readonly headers: Record<string, string>;
}

/** How to sign: secret and the `X-Slack-Request-Timestamp` (seconds; default now). */
export interface SignOptions {
  readonly secret?: string;
  readonly timestamp?: number;
  /** Adds `X-Slack-Retry-Num` (and `X-Slack-Retry-Reason: http_timeout`), as Slack's retries carry. */
  readonly retryNum?: number;
}

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(8, '0')}`;
}

/** The `v0=…` signature of `rawBody` at `timestamp` with `secret`. */
export function slackSignature(secret: string, timestamp: number | string, rawBody: string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`v0:${timestamp}:${rawBody}`, 'utf8');
  return `v0=${mac.digest('hex')}`;
}

/** Signs a body as Slack would, with the given content type. */
export function signSlackBody(
  rawBody: string,
  contentType: string,
  options: SignOptions = {},
): SignedSlackRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, rawBody),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return { rawBody, headers };
}

/** An `app_mention` event body (the `event` field of an envelope). */
export function appMentionEvent(
  fields: { text: string; user?: string; channel?: string; ts?: string; threadTs?: string } = { text: '' },
): Record<string, unknown> {
  const ts = fields.ts ?? `1700000000.${nextId('')}`;
  return {
    type: 'app_mention',
    user: fields.user ?? FAKE_USERS.ada.id,
    text: fields.text,
    ts,
    channel: fields.channel ?? FAKE_CHANNELS.general.id,
    event_ts: ts,
    team: FAKE_TEAM_ID,
    ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
  };
}

/** A `message` event in the bot's DM (`message.im`). */
export function directMessageEvent(
  fields: {
    text: string;
    user?: string;
    channel?: string;
    ts?: string;
    threadTs?: string;
    extra?: object;
  } = {
    text: '',
  },
): Record<string, unknown> {
  const ts = fields.ts ?? `1700000000.${nextId('')}`;
  return {
    type: 'message',
    channel_type: 'im',
    user: fields.user ?? FAKE_USERS.ada.id,
    text: fields.text,
    ts,
    channel: fields.channel ?? FAKE_CHANNELS.adaDm.id,
    event_ts: ts,
    team: FAKE_TEAM_ID,
    ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
    ...fields.extra,
  };
}

/** An Events API envelope around `event`, signed. `eventId` defaults to a fresh id. */
export function slackEventRequest(
  event: Record<string, unknown>,
  options: SignOptions & { eventId?: string } = {},
): SignedSlackRequest {
  const body = {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0FAKEAPP1',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? nextId('Ev'),
    event_time: 1_700_000_000,
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
  };
  return signSlackBody(JSON.stringify(body), 'application/json', options);
}

/** Slack's one-time `url_verification` handshake, signed. */
export function urlVerificationRequest(challenge: string, options: SignOptions = {}): SignedSlackRequest {
  const body = { token: 'legacy-verification-token', challenge, type: 'url_verification' };
  return signSlackBody(JSON.stringify(body), 'application/json', options);
}

/** A slash command (`/confluence <text>` by default), form-encoded and signed. */
export function slashCommandRequest(
  fields: {
    text: string;
    command?: string;
    userId?: string;
    userName?: string;
    channelId?: string;
    triggerId?: string;
    responseUrl?: string;
  },
  options: SignOptions = {},
): SignedSlackRequest {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake-workspace',
    channel_id: fields.channelId ?? FAKE_CHANNELS.general.id,
    channel_name: 'general',
    user_id: fields.userId ?? FAKE_USERS.ada.id,
    user_name: fields.userName ?? 'ada',
    command: fields.command ?? '/confluence',
    text: fields.text,
    api_app_id: 'A0FAKEAPP1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl ?? 'https://hooks.slack.com/commands/T0FAKE0001/1/abc',
    trigger_id: fields.triggerId ?? nextId('trigger.'),
  });
  return signSlackBody(form.toString(), 'application/x-www-form-urlencoded', options);
}

/** Any interactivity payload, form-encoded as `payload=<json>` and signed. */
export function interactivityRequest(
  payload: Record<string, unknown>,
  options: SignOptions = {},
): SignedSlackRequest {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return signSlackBody(form.toString(), 'application/x-www-form-urlencoded', options);
}

/** A button press on a message (`block_actions`), signed. */
export function blockActionsRequest(
  fields: {
    actionId: string;
    value?: string;
    blockId?: string;
    userId?: string;
    channelId?: string;
    messageTs?: string;
    threadTs?: string;
    triggerId?: string;
    isEphemeral?: boolean;
  },
  options: SignOptions = {},
): SignedSlackRequest {
  const channelId = fields.channelId ?? FAKE_CHANNELS.general.id;
  const messageTs = fields.messageTs ?? '1700000000.000100';
  return interactivityRequest(
    {
      type: 'block_actions',
      token: 'legacy-verification-token',
      user: {
        id: fields.userId ?? FAKE_USERS.grace.id,
        username: 'grace',
        name: 'grace',
        team_id: FAKE_TEAM_ID,
      },
      api_app_id: 'A0FAKEAPP1',
      team: { id: FAKE_TEAM_ID, domain: 'fake-workspace' },
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: fields.isEphemeral ?? false,
        ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
      },
      trigger_id: fields.triggerId ?? nextId('trigger.'),
      channel: { id: channelId, name: 'general' },
      message: {
        type: 'message',
        ts: messageTs,
        bot_id: 'B0BOT00001',
        text: 'approval',
        ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
      },
      response_url: 'https://hooks.slack.com/actions/T0FAKE0001/1/abc',
      actions: [
        {
          type: 'button',
          action_id: fields.actionId,
          block_id: fields.blockId ?? 'decision',
          text: { type: 'plain_text', text: 'Approve' },
          ...(fields.value !== undefined ? { value: fields.value } : {}),
          action_ts: '1700000001.000200',
        },
      ],
    },
    options,
  );
}

/** A modal submission (`view_submission`) with plain text inputs `{blockId: {actionId: value}}`, signed. */
export function viewSubmissionRequest(
  fields: {
    callbackId: string;
    privateMetadata?: string;
    values?: Record<string, Record<string, string>>;
    userId?: string;
    viewId?: string;
  },
  options: SignOptions = {},
): SignedSlackRequest {
  const values = Object.fromEntries(
    Object.entries(fields.values ?? {}).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, value]) => [actionId, { type: 'plain_text_input', value }]),
      ),
    ]),
  );
  return interactivityRequest(
    {
      type: 'view_submission',
      token: 'legacy-verification-token',
      team: { id: FAKE_TEAM_ID, domain: 'fake-workspace' },
      user: { id: fields.userId ?? FAKE_USERS.ada.id, username: 'ada', name: 'ada', team_id: FAKE_TEAM_ID },
      api_app_id: 'A0FAKEAPP1',
      trigger_id: nextId('trigger.'),
      view: {
        id: fields.viewId ?? nextId('V'),
        team_id: FAKE_TEAM_ID,
        type: 'modal',
        callback_id: fields.callbackId,
        private_metadata: fields.privateMetadata ?? '',
        state: { values },
        hash: '1700000000.hash',
        title: { type: 'plain_text', text: 'Connect Confluence' },
      },
      response_urls: [],
    },
    options,
  );
}

/** `fetch` options for posting a signed request to a running server. */
export function toFetchInit(request: SignedSlackRequest): RequestInit {
  return { method: 'POST', headers: request.headers, body: request.rawBody };
}
