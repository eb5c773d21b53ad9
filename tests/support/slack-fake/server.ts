import http from 'node:http';
import { checkBlocks, checkModal, MAX_MESSAGE_BLOCKS, MAX_MESSAGE_TEXT } from './block-limits.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNELS,
  FAKE_TEAM_ID,
  FAKE_USERS,
  type FakeSlackChannel,
  type FakeSlackUser,
} from './directory.js';

/** Largest request body the fake reads (Slack's own limit is in the same range). */
export const FAKE_MAX_BODY_BYTES = 1_000_000;

/** One Web API call as the fake received it (the token is never recorded). */
export interface RecordedSlackCall {
  readonly method: string;
  /** The arguments, JSON-valued form fields (`blocks`, `view`, …) parsed. */
  readonly args: Readonly<Record<string, unknown>>;
  /** How the arguments arrived. */
  readonly encoding: 'form' | 'json' | 'query';
  /** `ok` of the answer, and Slack's error code when not ok. */
  readonly ok: boolean;
  readonly error?: string;
}

/** A message the bot posted (and possibly updated since). */
export interface FakeSlackMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly text: string;
  readonly blocks?: readonly unknown[];
  /** How many times chat.update replaced it. */
  readonly updates: number;
}

/** An ephemeral message shown to one user. */
export interface FakeSlackEphemeral {
  readonly channel: string;
  readonly user: string;
  readonly messageTs: string;
  readonly text: string;
  readonly blocks?: readonly unknown[];
}

/** A modal opened with views.open. */
export interface FakeSlackView {
  readonly id: string;
  readonly triggerId: string;
  readonly view: Readonly<Record<string, unknown>>;
}

/** A post to one of the fake's response URLs (`/response/<id>`), as a slash command's follow-up. */
export interface FakeSlackResponsePost {
  /** The `<id>` of the URL. */
  readonly id: string;
  /** The JSON body (`response_type`, `text`, `blocks`, …). */
  readonly body: Readonly<Record<string, unknown>>;
  /** Whether an `Authorization` header came with it (it never should). */
  readonly authorized: boolean;
}

/** Posts one response URL accepts (Slack: 5 in 30 minutes). */
export const FAKE_RESPONSE_URL_MAX_POSTS = 5;

/** A scripted failure for the next call(s) of a method. */
export interface FakeSlackFault {
  /** Slack's error code (`ratelimited` answers 429 with Retry-After). */
  readonly error: string;
  /** For `ratelimited`: the Retry-After seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** How many calls fail (default 1). */
  readonly times?: number;
  /** Answer this HTTP status with a non-JSON body instead (a proxy error page, say). */
  readonly httpStatus?: number;
}

/** Options for `startSlackFake`. */
export interface SlackFakeOptions {
  /** The bot token the fake accepts as `Authorization: Bearer …` (default `xoxb-fake-token`). */
  readonly token?: string;
  readonly users?: readonly FakeSlackUser[];
  readonly channels?: readonly FakeSlackChannel[];
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
}

/** A running fake of Slack's Web API on 127.0.0.1. */
export interface SlackFake {
  /** The SLACK_API_URL to use: `http://127.0.0.1:<port>/api/`. */
  readonly apiUrl: string;
  readonly token: string;
  /** Every call in arrival order (failed ones too). */
  readonly calls: readonly RecordedSlackCall[];
  /** The calls to one method. */
  callsTo(method: string): RecordedSlackCall[];
  /** Messages the bot posted, optionally in one channel, in posting order. */
  messages(channel?: string): FakeSlackMessage[];
  /** One posted message by channel and ts. */
  message(channel: string, ts: string): FakeSlackMessage | undefined;
  readonly ephemerals: readonly FakeSlackEphemeral[];
  readonly views: readonly FakeSlackView[];
  /** A response URL on the fake (`http://127.0.0.1:<port>/response/<id>`) for a slash command. */
  responseUrl(id?: string): string;
  /** Posts received on the fake's response URLs, in arrival order. */
  readonly responsePosts: readonly FakeSlackResponsePost[];
  /** Makes the bot a member of `channel` or not (not: chat.postMessage answers `not_in_channel`). */
  setBotMember(channel: string, member: boolean): void;
  /** Makes the next call(s) to `method` fail as Slack would. */
  fail(method: string, fault: FakeSlackFault): void;
  /** Makes a trigger id answer `expired_trigger_id` (triggers live 3 seconds in Slack). */
  expireTrigger(triggerId: string): void;
  addUser(user: FakeSlackUser): void;
  addChannel(channel: FakeSlackChannel): void;
  /** Forgets recorded calls, messages, views and faults (users and channels stay). */
  reset(): void;
  close(): Promise<void>;
}

type Args = Record<string, unknown>;
type Answer = { status: number; headers?: Record<string, string>; body: string };

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

function json(body: Args, status = 200, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

class SlackFail extends Error {
  constructor(
    readonly error: string,
    readonly extra: Args = {},
  ) {
    super(error);
  }
}

function need(args: Args, name: string, error = 'invalid_arguments'): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new SlackFail(error, { argument: name });
  return value;
}

function parseJsonFields(args: Args): Args {
  const parsed: Args = {};
  for (const [key, value] of Object.entries(args)) {
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        parsed[key] = JSON.parse(value);
      } catch {
        throw new SlackFail(key === 'blocks' ? 'invalid_blocks_format' : 'invalid_arguments', {
          argument: key,
        });
      }
    } else {
      parsed[key] = value;
    }
  }
  return parsed;
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= FAKE_MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => resolve(size > FAKE_MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Starts a fake of the Slack Web API methods the bot uses — chat.postMessage, chat.update,
 * chat.postEphemeral, views.open, users.info, users.lookupByEmail, auth.test — on a free port of
 * 127.0.0.1. It answers like Slack: HTTP 200 with `{ok: false, error}` for failures (`not_authed`,
 * `invalid_auth`, `channel_not_found`, `not_in_channel`, `users_not_found`, `invalid_blocks`,
 * `msg_too_long`, …), 429 with Retry-After for `ratelimited`; form and JSON bodies; the bot token
 * checked as a Bearer header (or a form `token` field, as Slack also allows). Every call is recorded.
 */
export async function startSlackFake(options: SlackFakeOptions = {}): Promise<SlackFake> {
  const token = options.token ?? 'xoxb-fake-token';
  const botUserId = options.botUserId ?? FAKE_BOT_USER_ID;
  const botId = options.botId ?? FAKE_BOT_ID;
  const teamId = options.teamId ?? FAKE_TEAM_ID;
  const users = new Map<string, FakeSlackUser>(
    (options.users ?? Object.values(FAKE_USERS)).map((user) => [user.id, user]),
  );
  const channels = new Map<string, FakeSlackChannel>(
    (options.channels ?? Object.values(FAKE_CHANNELS)).map((channel) => [channel.id, channel]),
  );
  const calls: RecordedSlackCall[] = [];
  const messages: FakeSlackMessage[] = [];
  const ephemerals: FakeSlackEphemeral[] = [];
  const views: FakeSlackView[] = [];
  const responsePosts: FakeSlackResponsePost[] = [];
  const faults = new Map<string, FakeSlackFault[]>();
  const expiredTriggers = new Set<string>();
  let clock = 1_700_000_000_000_000;

  const nextTs = () => {
    clock += 100;
    const text = String(clock);
    return `${text.slice(0, 10)}.${text.slice(10)}`;
  };

  const channelFor = (args: Args): FakeSlackChannel => {
    const channel = channels.get(need(args, 'channel', 'channel_not_found'));
    if (!channel) throw new SlackFail('channel_not_found');
    return channel;
  };

  const checkMessage = (args: Args): { text: string; blocks?: unknown[] } => {
    const text = typeof args.text === 'string' ? args.text : undefined;
    const blocks = args.blocks;
    if (blocks !== undefined) {
      const problem = checkBlocks(blocks, MAX_MESSAGE_BLOCKS);
      if (problem)
        throw new SlackFail(problem.error, {
          errors: [problem.message],
          response_metadata: { messages: [problem.message] },
        });
    }
    if ((text === undefined || text === '') && (blocks === undefined || (blocks as unknown[]).length === 0))
      throw new SlackFail('no_text');
    if (text !== undefined && text.length > MAX_MESSAGE_TEXT) throw new SlackFail('msg_too_long');
    return { text: text ?? '', ...(blocks !== undefined ? { blocks: blocks as unknown[] } : {}) };
  };

  const userJson = (user: FakeSlackUser): Args => ({
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: user.deleted === true,
    real_name: user.realName,
    is_bot: user.isBot === true,
    profile: {
      real_name: user.realName,
      display_name: user.displayName ?? '',
      ...(user.email !== undefined ? { email: user.email } : {}),
    },
  });

  const methods: Record<string, (args: Args) => Args> = {
    'auth.test': () => ({
      url: 'https://fake-workspace.slack.com/',
      team: 'Fake Workspace',
      user: 'confluence',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      const channel = channelFor(args);
      if (channel.botIsMember === false) throw new SlackFail('not_in_channel');
      const content = checkMessage(args);
      const threadTs =
        typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
      const message: FakeSlackMessage = {
        channel: channel.id,
        ts: nextTs(),
        ...(threadTs !== undefined ? { threadTs } : {}),
        ...content,
        updates: 0,
      };
      messages.push(message);
      return {
        channel: channel.id,
        ts: message.ts,
        message: { type: 'message', user: botUserId, bot_id: botId, ts: message.ts, ...content },
      };
    },
    'chat.update': (args) => {
      const channel = channelFor(args);
      const ts = need(args, 'ts', 'message_not_found');
      const index = messages.findIndex((m) => m.channel === channel.id && m.ts === ts);
      if (index < 0) throw new SlackFail('message_not_found');
      const content = checkMessage(args);
      const before = messages[index]!;
      messages[index] = {
        channel: before.channel,
        ts: before.ts,
        ...(before.threadTs !== undefined ? { threadTs: before.threadTs } : {}),
        ...content,
        updates: before.updates + 1,
      };
      return { channel: channel.id, ts, text: content.text, message: { ...content, ts } };
    },
    'chat.postEphemeral': (args) => {
      const channel = channelFor(args);
      const user = users.get(need(args, 'user', 'user_not_found'));
      if (!user) throw new SlackFail('user_not_found');
      if (channel.botIsMember === false) throw new SlackFail('not_in_channel');
      if (channel.members && !channel.members.includes(user.id)) throw new SlackFail('user_not_in_channel');
      const content = checkMessage(args);
      const messageTs = nextTs();
      ephemerals.push({ channel: channel.id, user: user.id, messageTs, ...content });
      return { message_ts: messageTs };
    },
    'views.open': (args) => {
      const triggerId = need(args, 'trigger_id', 'invalid_trigger_id');
      if (expiredTriggers.has(triggerId)) throw new SlackFail('expired_trigger_id');
      const problem = checkModal(args.view);
      if (problem)
        throw new SlackFail(problem.error, {
          errors: [problem.message],
          response_metadata: { messages: [problem.message] },
        });
      const id = `V${String(views.length + 1).padStart(9, '0')}`;
      const view = args.view as Args;
      views.push({ id, triggerId, view });
      return { view: { ...view, id, team_id: teamId, state: { values: {} }, hash: `${id}-hash` } };
    },
    'users.info': (args) => {
      const user = users.get(need(args, 'user', 'user_not_found'));
      if (!user) throw new SlackFail('user_not_found');
      return { user: userJson(user) };
    },
    'users.lookupByEmail': (args) => {
      const email = need(args, 'email', 'users_not_found').toLowerCase();
      const user = [...users.values()].find((u) => u.email?.toLowerCase() === email && !u.deleted);
      if (!user) throw new SlackFail('users_not_found');
      return { user: userJson(user) };
    },
  };

  const responseAnswer = async (req: http.IncomingMessage, id: string): Promise<Answer> => {
    if (req.method !== 'POST') return json({ ok: false, error: 'method_not_allowed' }, 405);
    const raw = await readBody(req);
    if (raw === 'too-large') return json({ ok: false, error: 'request_too_large' }, 413);
    if (responsePosts.filter((p) => p.id === id).length >= FAKE_RESPONSE_URL_MAX_POSTS)
      return json({ ok: false, error: 'used_url' }, 404);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return json({ ok: false, error: 'invalid_payload' }, 400);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return json({ ok: false, error: 'invalid_payload' }, 400);
    responsePosts.push({ id, body: body as Args, authorized: req.headers.authorization !== undefined });
    return json({ ok: true });
  };

  const answer = async (req: http.IncomingMessage): Promise<Answer> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const response = /^\/response\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (response) return responseAnswer(req, response[1]!);
    const match = /^\/api\/([a-zA-Z]+\.[a-zA-Z.]+)$/.exec(url.pathname);
    if (!match) return json({ ok: false, error: 'unknown_method' }, 404);
    const method = match[1]!;
    if (req.method !== 'POST' && req.method !== 'GET')
      return json({ ok: false, error: 'method_not_allowed' }, 405);
    const raw = await readBody(req);
    if (raw === 'too-large') return json({ ok: false, error: 'request_too_large' }, 413);
    const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let args: Args;
    let encoding: RecordedSlackCall['encoding'];
    let formToken: string | undefined;
    try {
      if (media === 'application/json' && raw.length > 0) {
        encoding = 'json';
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          return json({ ok: false, error: 'invalid_json' });
        args = parsed as Args;
      } else {
        encoding = raw.length > 0 ? 'form' : 'query';
        const form = new URLSearchParams(raw.length > 0 ? raw.toString('utf8') : url.search);
        formToken = form.get('token') ?? undefined;
        form.delete('token');
        args = parseJsonFields(Object.fromEntries(form));
      }
    } catch (error) {
      if (error instanceof SlackFail) return json({ ok: false, error: error.error });
      return json({ ok: false, error: 'invalid_json' });
    }
    const { token: _ignored, ...recorded } = args;
    const record = (ok: boolean, error?: string) =>
      calls.push({ method, args: recorded, encoding, ok, ...(error !== undefined ? { error } : {}) });

    const handler = methods[method];
    if (!handler) {
      record(false, 'unknown_method');
      return json({ ok: false, error: 'unknown_method' }, 404);
    }
    const authorization = req.headers.authorization;
    const given = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : formToken;
    if (given === undefined || given === '') {
      record(false, 'not_authed');
      return json({ ok: false, error: 'not_authed' });
    }
    if (given !== token) {
      record(false, 'invalid_auth');
      return json({ ok: false, error: 'invalid_auth' });
    }
    const queue = faults.get(method);
    const fault = queue?.[0];
    if (fault) {
      const remaining = (fault.times ?? 1) - 1;
      if (remaining > 0) queue[0] = { ...fault, times: remaining };
      else queue.shift();
      record(false, fault.error);
      if (fault.httpStatus !== undefined)
        return {
          status: fault.httpStatus,
          headers: { 'content-type': 'text/html' },
          body: '<html>Bad gateway</html>',
        };
      if (fault.error === 'ratelimited')
        return json({ ok: false, error: 'ratelimited' }, 429, {
          'retry-after': String(fault.retryAfterSeconds ?? 1),
        });
      return json({ ok: false, error: fault.error });
    }
    try {
      const result = handler(args);
      record(true);
      return json({ ok: true, ...result });
    } catch (error) {
      if (!(error instanceof SlackFail)) throw error;
      record(false, error.error);
      return json({ ok: false, error: error.error, ...error.extra });
    }
  };

  const server = http.createServer((req, res) => {
    answer(req).then(
      (result) => {
        res.writeHead(result.status, result.headers ?? {});
        res.end(result.body);
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'internal_error' }));
      },
    );
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  let responseIds = 0;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    token,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    messages: (channel) => messages.filter((m) => channel === undefined || m.channel === channel),
    message: (channel, ts) => messages.find((m) => m.channel === channel && m.ts === ts),
    ephemerals,
    views,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${id ?? `r${++responseIds}`}`,
    responsePosts,
    setBotMember(channel, member) {
      const known = channels.get(channel) ?? { id: channel };
      channels.set(channel, { ...known, botIsMember: member });
    },
    fail(method, fault) {
      const queue = faults.get(method) ?? [];
      queue.push(fault);
      faults.set(method, queue);
    },
    expireTrigger: (triggerId) => void expiredTriggers.add(triggerId),
    addUser: (user) => void users.set(user.id, user),
    addChannel: (channel) => void channels.set(channel.id, channel),
    reset() {
      calls.length = 0;
      messages.length = 0;
      ephemerals.length = 0;
      views.length = 0;
      responsePosts.length = 0;
      faults.clear();
      expiredTriggers.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
