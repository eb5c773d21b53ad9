/**
 * The load: `conversations` personal chats, each with its own user, each sending `search <words>`
 * turns one after another (the next one when the bot has answered the POST) until told to stop.
 * Both bots are driven by exactly this code. Plain node:http with keep-alive, so the driver spends
 * little CPU per turn.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/** Search words that find pages in the simulator's corpus (recorded once before the runs). */
export const SEARCH_WORDS: readonly string[] = ['vpn', 'parental leave', 'release process', 'onboarding'];

export interface LoadResult {
  /** POSTs answered (any status). */
  readonly posts: number;
  /** POSTs answered with a status other than 200. */
  readonly failures: number;
}

/** One Teams message activity in the personal chat of bench user `index`. */
export function searchActivity(channelUrl: string, index: number, turn: number): string {
  const user = { id: `29:bench-${index}`, name: `Bench User ${index}`, aadObjectId: `aad-bench-${index}` };
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: channelUrl,
    timestamp: new Date().toISOString(),
    from: user,
    recipient: { id: '28:bot-under-test', name: 'Confluence Assistant' },
    conversation: { id: `a:bench-${index}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    text: `search ${SEARCH_WORDS[turn % SEARCH_WORDS.length]}`,
    entities: [],
  });
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Drives `botUrl` with `conversations` concurrent conversations until `signal` aborts; each
 * conversation waits for its turn's answer before sending the next. Resolves when every
 * conversation has stopped.
 */
export async function driveLoad(options: {
  readonly botUrl: string;
  readonly channelUrl: string;
  readonly conversations: number;
  readonly signal: AbortSignal;
  /** Called with each answered turn's round trip in ms (POST sent → answer read). */
  readonly onTurn?: (ms: number) => void;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.conversations });
  const url = new URL('/api/messages', options.botUrl);
  let posts = 0;
  let failures = 0;
  const conversation = async (index: number) => {
    for (let turn = index; !options.signal.aborted; turn++) {
      const started = performance.now();
      const status = await post(agent, url, searchActivity(options.channelUrl, index, turn));
      options.onTurn?.(performance.now() - started);
      posts += 1;
      if (status !== 200) failures += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.conversations }, (_, index) => conversation(index)));
  } finally {
    agent.destroy();
  }
  return { posts, failures };
}
