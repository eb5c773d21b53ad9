import type { HostLookup } from '../../bot/confluence/site-host.js';
import { type Harness, startHarness, visibleText } from './harness.js';
import {
  FAKE_CHANNELS,
  FAKE_USERS,
  type RecordedSlackCall,
  type SlackFake,
  startSlackFake,
} from './slack-fake/index.js';
import {
  appMentionEvent,
  blockActionsRequest,
  directMessageEvent,
  type SignedSlackRequest,
  slackEventRequest,
  slashCommandRequest,
  TEST_SIGNING_SECRET,
  toFetchInit,
  viewSubmissionRequest,
} from './slack-requests.js';

/** The Slack people of the harness: Ada is a bot admin, Grace an approver (named by email), Linus neither. */
export const SLACK_PEOPLE = { admin: FAKE_USERS.ada, approver: FAKE_USERS.grace, user: FAKE_USERS.linus };

/** What one Slack request caused: the answer, then every Web API call the bot made for it. */
export interface SlackTurn {
  readonly status: number;
  readonly body: string;
  readonly calls: RecordedSlackCall[];
  /** chat.postMessage calls' arguments. */
  readonly posts: Record<string, unknown>[];
  /** chat.update calls' arguments. */
  readonly updates: Record<string, unknown>[];
  /** chat.postEphemeral calls' arguments. */
  readonly ephemerals: Record<string, unknown>[];
  /** views.open calls' arguments. */
  readonly modals: Record<string, unknown>[];
  /** Every visible text of the posts, updates and ephemerals, joined (for assertions). */
  readonly text: string;
}

/** A running bot with Slack on, wired to the Confluence simulator and the Slack Web API fake. */
export interface SlackHarness {
  readonly base: Harness;
  readonly slack: SlackFake;
  /** Posts a signed request to `POST /slack/events`, waits for the work after the ack, returns what it caused. */
  send(request: SignedSlackRequest): Promise<SlackTurn>;
  /** `@bot text` in a channel (default #general), as `user` (default Linus). */
  mention(text: string, options?: { user?: string; channel?: string; threadTs?: string }): Promise<SlackTurn>;
  /** A DM to the bot (default: Ada's DM channel). */
  dm(text: string, options?: { user?: string; channel?: string }): Promise<SlackTurn>;
  /** `/confluence text` (default in #general, as Ada). */
  command(
    text: string,
    options?: { user?: string; channel?: string; triggerId?: string },
  ): Promise<SlackTurn>;
  /** A button press: `actionId` with the JSON of `data` as value, on the message `messageTs`. */
  click(
    actionId: string,
    data: Record<string, unknown> | undefined,
    options?: { user?: string; channel?: string; messageTs?: string; threadTs?: string },
  ): Promise<SlackTurn>;
  /** A modal submit. */
  submit(fields: Parameters<typeof viewSubmissionRequest>[0]): Promise<SlackTurn>;
  close(): Promise<void>;
}

const argsOf = (calls: RecordedSlackCall[], method: string) =>
  calls.filter((call) => call.method === method && call.ok).map((call) => ({ ...call.args }));

/**
 * Starts the Slack Web API fake, then the harness bot with Slack on (HTTP mode, signed with
 * TEST_SIGNING_SECRET): admins `slack:<Ada>`, approvers `grace@example.com` (an email, resolved
 * through users.info). `env` overrides any of it.
 */
export async function startSlackHarness(
  env: Record<string, string> = {},
  options: { lookupHost?: HostLookup } = {},
): Promise<SlackHarness> {
  const slack = await startSlackFake();
  const base = await startHarness(
    {
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      BOT_ADMINS: `slack:${SLACK_PEOPLE.admin.id}`,
      BOT_APPROVERS: SLACK_PEOPLE.approver.email,
      ...env,
    },
    options.lookupHost ? { lookupHost: options.lookupHost } : {},
  );
  const transport = base.app.slack;
  if (transport?.mode !== 'http') throw new Error('the harness expects Slack in HTTP mode');

  const send = async (request: SignedSlackRequest): Promise<SlackTurn> => {
    const before = slack.calls.length;
    const response = await fetch(`${base.botUrl}/slack/events`, toFetchInit(request));
    const body = await response.text();
    await transport.http.drain();
    const calls = slack.calls.slice(before);
    const posts = argsOf(calls, 'chat.postMessage');
    const updates = argsOf(calls, 'chat.update');
    const ephemerals = argsOf(calls, 'chat.postEphemeral');
    return {
      status: response.status,
      body,
      calls,
      posts,
      updates,
      ephemerals,
      modals: argsOf(calls, 'views.open'),
      text: [...posts, ...updates, ...ephemerals].map((args) => visibleText(args)).join('\n'),
    };
  };

  return {
    base,
    slack,
    send,
    mention: (text, o = {}) =>
      send(
        slackEventRequest(
          appMentionEvent({
            text: `<@${FAKE_USERS.bot.id}> ${text}`,
            user: o.user ?? SLACK_PEOPLE.user.id,
            channel: o.channel ?? FAKE_CHANNELS.general.id,
            ...(o.threadTs !== undefined ? { threadTs: o.threadTs } : {}),
          }),
        ),
      ),
    dm: (text, o = {}) =>
      send(
        slackEventRequest(
          directMessageEvent({
            text,
            user: o.user ?? SLACK_PEOPLE.admin.id,
            channel: o.channel ?? FAKE_CHANNELS.adaDm.id,
          }),
        ),
      ),
    command: (text, o = {}) =>
      send(
        slashCommandRequest({
          text,
          userId: o.user ?? SLACK_PEOPLE.admin.id,
          channelId: o.channel ?? FAKE_CHANNELS.general.id,
          ...(o.triggerId !== undefined ? { triggerId: o.triggerId } : {}),
        }),
      ),
    click: (actionId, data, o = {}) =>
      send(
        blockActionsRequest({
          actionId,
          ...(data !== undefined ? { value: JSON.stringify(data) } : {}),
          userId: o.user ?? SLACK_PEOPLE.approver.id,
          channelId: o.channel ?? FAKE_CHANNELS.general.id,
          ...(o.messageTs !== undefined ? { messageTs: o.messageTs } : {}),
          ...(o.threadTs !== undefined ? { threadTs: o.threadTs } : {}),
        }),
      ),
    submit: (fields) => send(viewSubmissionRequest(fields)),
    async close() {
      await base.close();
      await slack.close();
    },
  };
}
