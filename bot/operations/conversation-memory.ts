import type { ChatTarget, OutboundMessage } from '../domain/chat.js';

/** One result a follow-up can point at ("open the second one"). */
export interface RememberedPage {
  readonly pageId: string;
  readonly title: string;
}

/** What a conversation (or thread) last showed: results, the one last opened, the "More" token, the last question. */
export interface ConversationTurnState {
  readonly pages: readonly RememberedPage[];
  /** 0-based position in `pages` of the page last opened by a follow-up. */
  readonly opened?: number;
  /** The search's opaque "More results" token, when there are more. */
  readonly nextToken?: string;
  /** The previous question asked here (for "and for contractors?"). */
  readonly question?: string;
}

/** Conversations remembered at most; the least recently used is forgotten first. */
export const MEMORY_MAX_CONVERSATIONS = 1_000;
/** How long a conversation's last results stay usable. */
export const MEMORY_TTL_MS = 2 * 60 * 60 * 1000;
/** Results remembered per conversation. */
const MAX_PAGES = 25;

/**
 * The key of a conversation for follow-ups: the thread where the platform threads (a Teams channel
 * post's `conversation.id` carries `;messageid=…`; a Slack reply has `threadId`), else the chat.
 */
export function conversationKey(target: ChatTarget): string {
  return `${target.platform}:${target.conversationId}${target.threadId ? `#${target.threadId}` : ''}`;
}

/**
 * A small in-memory store of each conversation's last turn: bounded (LRU over
 * {@link MEMORY_MAX_CONVERSATIONS}, {@link MAX_PAGES} results each) and forgetful (entries older than
 * {@link MEMORY_TTL_MS} are gone). Lost on restart by design: follow-ups are a convenience, and the
 * pages they open are re-decided like any request.
 */
export class ConversationMemory {
  private readonly entries = new Map<string, { at: number; state: ConversationTurnState }>();

  constructor(
    private readonly now: () => Date,
    private readonly max = MEMORY_MAX_CONVERSATIONS,
    private readonly ttlMs = MEMORY_TTL_MS,
  ) {}

  /** The state of `key`, or undefined when never set or expired. Refreshes its LRU position. */
  get(key: string): ConversationTurnState | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now().getTime() - entry.at > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.state;
  }

  /** Merges `change` into the state of `key` (dated now), evicting the least recently used beyond the cap. */
  update(key: string, change: Partial<ConversationTurnState>): void {
    const before = this.get(key) ?? { pages: [] };
    const state = { ...before, ...change, pages: (change.pages ?? before.pages).slice(0, MAX_PAGES) };
    this.entries.delete(key);
    this.entries.set(key, { at: this.now().getTime(), state });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Remembers the previous question asked in `key` (for the answers' follow-ups). */
  rememberQuestion(key: string, question: string): void {
    this.update(key, { question: question.slice(0, 2_000) });
  }

  /** The previous question asked in `key`, if any and recent. */
  previousQuestion(key: string): string | undefined {
    return this.get(key)?.question;
  }

  /** How many conversations are remembered (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

const MEMORIES = new WeakMap<object, ConversationMemory>();

/**
 * The memory of one assistant: one per `deps` object (so each app, and each test app, has its own),
 * created on first use with the assistant's clock.
 */
export function conversationMemory(deps: { readonly now: () => Date }): ConversationMemory {
  let memory = MEMORIES.get(deps);
  if (!memory) {
    memory = new ConversationMemory(deps.now);
    MEMORIES.set(deps, memory);
  }
  return memory;
}

/**
 * Remembers the pages a message showed, when it is a list of pages (search results): the results a
 * follow-up ("open the second one", "more") in the same conversation refers to.
 */
export function rememberShown(
  memory: ConversationMemory,
  key: string,
  message: OutboundMessage | undefined,
): void {
  if (message?.kind !== 'view') return;
  if (message.view.kind === 'search-results') {
    const data = message.view.data;
    memory.update(key, {
      pages: data.hits.map((hit) => ({ pageId: hit.pageId, title: hit.title })),
      opened: undefined,
      nextToken: data.nextToken,
    });
  } else if (message.view.kind === 'pick-page') {
    memory.update(key, {
      pages: message.view.data.options.map((option) => ({ pageId: option.pageId, title: option.title })),
      opened: undefined,
      nextToken: undefined,
    });
  }
}
