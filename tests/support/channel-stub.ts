import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the channel (a post, a reply or a card update). */
export interface ChannelCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly activityId?: string;
  readonly activity: Record<string, unknown>;
  /**
   * The card's `refresh.userIds` that Teams would honour: MRIs (`29:…`) only — Teams matches
   * user-specific views by MRI, so an aadObjectId there shows nobody the approvers' view.
   */
  readonly honouredUserIds?: readonly string[];
  /** The card's `refresh.userIds` as sent (absent when the card has no refresh). */
  readonly refreshUserIds?: readonly string[];
}

/** A conversation member the stub's roster knows. */
export interface StubMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

/** One roster call: `GET /v3/conversations/{id}/members/{userId}` and what the stub answered. */
export interface RosterLookup {
  readonly conversationId: string;
  readonly userId: string;
  readonly status: number;
}

/** A post or update the stub refused (see `failConversation`); not in `calls`. */
export interface RefusedCall {
  readonly method: string;
  readonly conversationId: string;
  readonly status: number;
  readonly activity: Record<string, unknown>;
}

/**
 * A recording Bot Framework channel: the `serviceUrl` the bot answers to. It accepts
 * `POST /v3/conversations/{id}/activities[/{replyTo}]` and `PUT /v3/conversations/{id}/activities/{id}`,
 * answers with a fresh id, and records everything; it answers the roster call
 * `GET /v3/conversations/{id}/members/{userId}` from `setMembers`. Loopback only.
 */
export interface ChannelStub {
  readonly url: string;
  readonly calls: ChannelCall[];
  /** Cards the bot posted (new messages), in order. */
  posted(conversationId?: string): ChannelCall[];
  /** Card updates (PUT), in order. */
  updated(conversationId?: string): ChannelCall[];
  /** Roster calls, in order (not in `calls`). */
  readonly rosterLookups: RosterLookup[];
  /** Posts and updates refused by `failConversation`, in order (not in `calls`). */
  readonly refused: RefusedCall[];
  /**
   * Sets the roster of a conversation (its id without `;messageid=…`), or of every conversation
   * without its own roster (`'*'`). A member is found by chat id or aadObjectId; anyone else
   * gets 404 MemberNotFoundInConversation, as in Teams. Default: nobody.
   */
  setMembers(conversationId: string, members: readonly StubMember[]): void;
  /**
   * Makes posts and updates into a conversation (matched with or without `;messageid=…`) fail with
   * `status` and the Agents Playground's "Invalid input" body, as a channel refusing a bad
   * reference does. `undefined` status lifts it.
   */
  failConversation(conversationId: string, status?: number): void;
  /** Resolves once `count` calls have been recorded in total (or rejects after `timeoutMs`). */
  waitForCalls(count: number, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the channel stub on a free loopback port. */
export async function startChannelStub(): Promise<ChannelStub> {
  const calls: ChannelCall[] = [];
  const rosterLookups: RosterLookup[] = [];
  const refused: RefusedCall[] = [];
  const rosters = new Map<string, readonly StubMember[]>();
  const failing = new Map<string, number>();
  const baseId = (conversationId: string) => conversationId.split(';messageid=')[0]!;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const roster = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (roster && req.method === 'GET') {
      const conversationId = baseId(decodeURIComponent(roster[1]!));
      const userId = decodeURIComponent(roster[2]!);
      const members = rosters.get(conversationId) ?? rosters.get('*') ?? [];
      const member = members.find((m) => m.id === userId || m.aadObjectId === userId);
      rosterLookups.push({ conversationId, userId, status: member ? 200 : 404 });
      res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          member
            ? { ...member, objectId: member.aadObjectId, userRole: 'user' }
            : { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } },
        ),
      );
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"unknown route"}');
      return;
    }
    let activity: Record<string, unknown> = {};
    try {
      activity = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const failStatus = failing.get(conversationId) ?? failing.get(baseId(conversationId));
    if (failStatus !== undefined) {
      refused.push({ method: req.method ?? 'GET', conversationId, status: failStatus, activity });
      res.writeHead(failStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Invalid input' } }));
      return;
    }
    const attachments = activity.attachments as
      | { content?: { refresh?: { userIds?: unknown } } }[]
      | undefined;
    const userIds = attachments?.[0]?.content?.refresh?.userIds;
    const refreshUserIds = Array.isArray(userIds)
      ? userIds.filter((id): id is string => typeof id === 'string')
      : undefined;
    calls.push({
      method: req.method ?? 'GET',
      path,
      conversationId,
      ...(activityId ? { activityId } : {}),
      activity,
      ...(refreshUserIds
        ? { refreshUserIds, honouredUserIds: refreshUserIds.filter((id) => id.startsWith('29:')) }
        : {}),
    });
    for (const waiter of [...waiters]) {
      if (calls.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    const id = req.method === 'PUT' && activityId ? activityId : `stub-${randomUUID().slice(0, 8)}`;
    // restify patches ServerResponse.prototype.writeHead (it no longer returns `this`), so no chaining.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const inConversation = (conversationId?: string) => (call: ChannelCall) =>
    conversationId === undefined || call.conversationId === conversationId;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    rosterLookups,
    refused,
    setMembers: (conversationId, members) => {
      rosters.set(conversationId === '*' ? '*' : baseId(conversationId), [...members]);
    },
    failConversation: (conversationId, status) => {
      if (status === undefined) failing.delete(conversationId);
      else failing.set(conversationId, status);
    },
    posted: (conversationId) =>
      calls.filter((c) => c.method === 'POST').filter(inConversation(conversationId)),
    updated: (conversationId) =>
      calls.filter((c) => c.method === 'PUT').filter(inConversation(conversationId)),
    waitForCalls(count, timeoutMs = 10_000) {
      if (calls.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} channel calls, got ${calls.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    clear: () => {
      calls.length = 0;
      rosterLookups.length = 0;
      refused.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
