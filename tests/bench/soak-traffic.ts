/**
 * The soak's traffic: several conversations, each a loop of turns drawn from a seeded mix
 * (searches, gets, questions, follow-ups, creates and updates under `confirm` answered with
 * Approve or Reject clicks, approval lists, admin status), with a short think time between turns.
 * Every turn goes over HTTP to the bot; the channel stub's recordings are routed to per-conversation
 * inboxes instead of being kept, so the bench process does not grow over 30 minutes either.
 */
import {
  actionActivity,
  messageActivity,
  sendToBot,
  type TestConversation,
  type TestUser,
  USERS,
} from '../support/activities.js';
import { requestIdOf } from '../support/approval-cards.js';
import type { ChannelCall, ChannelStub } from '../support/channel-stub.js';
import type { ConfluenceSimulator } from '../support/confluence-simulator/index.js';
import { visibleText } from '../support/harness.js';
import { makeRandom } from '../support/seeded-random.js';
import { drawKind, FOLLOW_UPS, PAGES, pick, QUESTIONS, SEARCHES, type TurnKind } from './soak-mix.js';

/** Counters the traffic keeps (read by the sampler while it runs). */
export interface TrafficCounters {
  turns: number;
  clicks: number;
  errors: number;
  readonly byKind: Record<TurnKind, number>;
  /** The first few errors, for the report. */
  readonly errorSamples: string[];
}

/** Options of `runTraffic`. */
export interface TrafficOptions {
  readonly botUrl: string;
  readonly channel: ChannelStub;
  readonly confluence: ConfluenceSimulator;
  readonly conversations: number;
  readonly seed: number;
  /** Think time between a conversation's turns, ms (uniform in [min, max]). */
  readonly thinkMs: readonly [number, number];
  /** Stop starting turns when this returns true. */
  readonly stop: () => boolean;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
/** Text the bot shows for an internal error (errors.ts INTERNAL). */
const INTERNAL_ERROR_TEXT = 'Something went wrong on our side';

/** The conversation pool: channel threads in two channels, group chats and personal chats. */
function conversationPool(count: number): { conversation: TestConversation; from: TestUser }[] {
  const pool: { conversation: TestConversation; from: TestUser }[] = [];
  for (let i = 0; pool.length < count; i++) {
    const slot = i % 4;
    if (slot === 0 || slot === 1) {
      const channelId = `19:soak-${slot}@thread.tacv2`;
      pool.push({
        conversation: {
          type: 'channel',
          id: `${channelId};messageid=${1000 + i}`,
          channelId,
          teamId: '19:soak-team',
        },
        from: USERS.writer,
      });
    } else if (slot === 2) {
      pool.push({
        conversation: { type: 'groupChat', id: `19:soak-group-${i}@thread.v2` },
        from: USERS.reader,
      });
    } else {
      pool.push({ conversation: { type: 'personal', id: `a:soak-personal-${i}` }, from: USERS.reader });
    }
  }
  return pool;
}

/**
 * Routes the stub's recorded calls to per-conversation inboxes (by conversation id; a call to a
 * channel without the `;messageid=` thread suffix goes to the inbox of that base id) instead of its
 * ever-growing list. Returns the inboxes.
 */
function routeChannelCalls(channel: ChannelStub): Map<string, ChannelCall[]> {
  const inboxes = new Map<string, ChannelCall[]>();
  const calls = channel.calls as ChannelCall[];
  calls.push = (...items: ChannelCall[]) => {
    for (const item of items) {
      const inbox =
        inboxes.get(item.conversationId) ?? inboxes.get(item.conversationId.split(';messageid=')[0] ?? '');
      inbox?.push(item);
    }
    return 0;
  };
  return inboxes;
}

function firstCard(calls: readonly ChannelCall[]): Record<string, unknown> | undefined {
  for (const call of calls) {
    const attachments = call.activity.attachments as { content?: Record<string, unknown> }[] | undefined;
    if (attachments?.[0]?.content) return attachments[0].content;
  }
  return undefined;
}

/** Runs the conversations until `stop()`; resolves when every conversation finished its turn. */
export async function runTraffic(options: TrafficOptions, counters: TrafficCounters): Promise<void> {
  const inboxes = routeChannelCalls(options.channel);
  // The simulator's request log would grow by every Confluence call: keep none.
  (options.confluence.requests as unknown[]).push = () => 0;
  const pageIds = PAGES.map(([space, title]) => {
    const page = options.confluence.findPageByTitle(space, title);
    if (!page) throw new Error(`soak: no page "${title}" in ${space}`);
    return { space, title, id: page.id };
  });
  const fail = (what: string) => {
    counters.errors += 1;
    if (counters.errorSamples.length < 10) counters.errorSamples.push(what);
  };

  const converse = async (index: number, conversation: TestConversation, from: TestUser) => {
    const random = makeRandom((options.seed + index * 7_919) >>> 0);
    const inbox: ChannelCall[] = [];
    inboxes.set(conversation.id, inbox);
    const canWrite = conversation.type === 'channel';
    // A personal chat has one person in it (another sender would change its stored reference).
    const personal = conversation.type === 'personal';
    let made = 0;

    const say = async (text: string, sender: TestUser = from) => {
      inbox.length = 0;
      const { status } = await sendToBot(
        options.botUrl,
        messageActivity(options.channel.url, text, { from: sender, conversation }),
      );
      counters.turns += 1;
      const posted = inbox.splice(0);
      const shown = posted.map((call) => visibleText(call.activity)).join('\n');
      if (status !== 200) fail(`${status} for "${text.split('\n')[0]}"`);
      else if (shown.includes(INTERNAL_ERROR_TEXT)) fail(`internal error for "${text.split('\n')[0]}"`);
      return firstCard(posted);
    };
    const decide = async (card: Record<string, unknown> | undefined, what: string) => {
      let requestId: string;
      try {
        requestId = requestIdOf(card);
      } catch {
        fail(`no approval card for ${what}: ${visibleText(card).slice(0, 200)}`);
        return;
      }
      // The shared card shows approvers their buttons through `refresh` (Teams' per-user view);
      // the click is what an approver's view sends.
      const verb = random() < 0.7 ? 'approve' : 'reject';
      inbox.length = 0;
      const { status, body } = await sendToBot(
        options.botUrl,
        actionActivity(
          options.channel.url,
          verb,
          { requestId },
          {
            from: USERS.lead,
            conversation,
            replyToId: `card-${requestId}`,
          },
        ),
      );
      inbox.length = 0;
      counters.clicks += 1;
      const statusCode = (body as { statusCode?: number } | undefined)?.statusCode;
      if (status !== 200 || (statusCode !== undefined && statusCode !== 200)) {
        fail(`${status}/${statusCode} for ${verb} of ${what}`);
      } else if (JSON.stringify(body).includes(INTERNAL_ERROR_TEXT)) {
        fail(`internal error for ${verb} of ${what}`);
      }
    };

    while (!options.stop()) {
      const kind = drawKind(random, canWrite);
      counters.byKind[kind] += 1;
      try {
        switch (kind) {
          case 'search':
            await say(`search ${pick(random, SEARCHES)}`);
            break;
          case 'get': {
            const page = pick(random, pageIds);
            await say(random() < 0.5 ? `get ${page.id}` : `get "${page.title}" in ${page.space}`);
            break;
          }
          case 'question':
            await say(pick(random, QUESTIONS));
            break;
          case 'follow-up':
            await say(pick(random, FOLLOW_UPS));
            break;
          case 'create': {
            made += 1;
            const title = `Soak ${options.seed} ${index}.${made}`;
            await decide(
              await say(`create "${title}" in ENG\nWritten by the soak, turn ${counters.turns}.`),
              title,
            );
            break;
          }
          case 'update': {
            const page = pick(random, pageIds);
            await decide(
              await say(`update ${page.id}\nappend: Soak note ${index}.${counters.turns}`),
              page.title,
            );
            break;
          }
          case 'approvals':
            await say('approvals', personal ? from : USERS.lead);
            break;
          case 'status':
            await say('/confluence status', personal ? from : USERS.admin);
            break;
        }
      } catch (error) {
        fail(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const [min, max] = options.thinkMs;
      await sleep(min + random() * (max - min));
    }
  };

  await Promise.all(
    conversationPool(options.conversations).map(({ conversation, from }, index) =>
      converse(index, conversation, from),
    ),
  );
}

/** Fresh counters. */
export function newCounters(): TrafficCounters {
  return {
    turns: 0,
    clicks: 0,
    errors: 0,
    byKind: {
      search: 0,
      get: 0,
      question: 0,
      'follow-up': 0,
      create: 0,
      update: 0,
      approvals: 0,
      status: 0,
    },
    errorSamples: [],
  };
}
