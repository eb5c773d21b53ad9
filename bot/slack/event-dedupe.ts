/** Remembers recently processed Slack event ids so retries are processed once. */
export interface EventDeduper {
  /**
   * Records `eventId` and answers whether it was already recorded within the window. Call only
   * for verified requests: an unsigned flood must not evict real ids.
   */
  seen(eventId: string): boolean;
  /** How many ids are remembered now (for tests and health). */
  size(): number;
}

/**
 * A bounded memory of event ids: at most `maxEntries` (oldest evicted first), each forgotten after
 * `ttlMs`. Slack retries an unacknowledged event three times within about an hour, so one hour and
 * a few thousand ids cover every retry at any realistic event rate. Amortised O(1) per call.
 */
export function createEventDeduper(
  options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {},
): EventDeduper {
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  // Ids in recording order, which is expiry order (one TTL, one clock): pruning pops from the head.
  // A queue rather than iterating the Map, whose deleted slots make front-iteration slow.
  let queue: { id: string; expiry: number }[] = [];
  let head = 0;

  const prune = (at: number) => {
    while (head < queue.length) {
      const entry = queue[head]!;
      if (entry.expiry > at && expiries.size <= maxEntries) break;
      if (expiries.get(entry.id) === entry.expiry) expiries.delete(entry.id);
      head += 1;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  return {
    seen(eventId) {
      const at = now();
      prune(at);
      const expiry = expiries.get(eventId);
      if (expiry !== undefined && expiry > at) return true;
      expiries.set(eventId, at + ttlMs);
      queue.push({ id: eventId, expiry: at + ttlMs });
      prune(at);
      return false;
    },
    size: () => expiries.size,
  };
}
