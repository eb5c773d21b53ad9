/** Conversations whose last question is remembered; the least recently asked is forgotten first. */
export const MAX_REMEMBERED_CONVERSATIONS = 1_000;
/** How long a question stays usable for a follow-up. */
export const QUESTION_TTL_MS = 2 * 60 * 60 * 1000;

/** The last question asked in each conversation (or thread), for follow-ups ("and for contractors?"). */
export interface RecentQuestions {
  previous(key: string): string | undefined;
  remember(key: string, question: string): void;
}

const STORES = new WeakMap<object, RecentQuestions>();

/**
 * The recent questions of one assistant (one per `deps` object, so each app and test app has its
 * own): in memory, bounded (LRU over MAX_REMEMBERED_CONVERSATIONS, 2,000 characters each) and
 * forgetful (QUESTION_TTL_MS). Lost on restart by design: a follow-up is a convenience.
 */
export function recentQuestions(deps: { readonly now: () => Date }): RecentQuestions {
  let store = STORES.get(deps);
  if (store) return store;
  const entries = new Map<string, { at: number; question: string }>();
  store = {
    previous(key) {
      const entry = entries.get(key);
      if (!entry || deps.now().getTime() - entry.at > QUESTION_TTL_MS) return undefined;
      return entry.question;
    },
    remember(key, question) {
      entries.delete(key);
      entries.set(key, { at: deps.now().getTime(), question: question.slice(0, 2_000) });
      while (entries.size > MAX_REMEMBERED_CONVERSATIONS) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
  STORES.set(deps, store);
  return store;
}
