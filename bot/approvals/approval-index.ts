import {
  type ApprovalRequest,
  type ApprovalStatus,
  endedAt,
  FINAL_APPROVAL_STATUSES,
} from './approval-schema.js';

/** Unexpired pending requests a new request would join, per cap. */
export interface PendingCounts {
  /** Of the same person (same id, or same aadObjectId when the new request has one). */
  readonly byRequester: number;
  /** Of the same approvals channel. */
  readonly byChannel: number;
}

/**
 * The store's in-memory view of every request, with the secondary indexes that keep each operation's
 * work independent of how many requests are stored: ids per status, pending ids per requester and
 * per channel (the caps), and finished requests ordered by when they ended (pruning).
 */
export interface ApprovalIndex {
  get(id: string): ApprovalRequest | undefined;
  /** Every request in filing order. */
  values(): IterableIterator<ApprovalRequest>;
  /** Adds a request or replaces the stored one with the same id (keeping its filing position). */
  put(request: ApprovalRequest): void;
  delete(id: string): void;
  /** Ids of the requests in `status`, in filing order. */
  idsWithStatus(status: ApprovalStatus): string[];
  /** Unexpired (at `at`, ms) pending requests counting against `request`'s caps. */
  countPending(request: ApprovalRequest, at: number): PendingCounts;
  /**
   * Finished requests to drop: those that ended before `cutoff` (ms), then, while more than
   * `maxFinished` finished ones would remain, the earliest ended (earliest filed on a tie); at most
   * `limit`. They are reserved until `delete` (dropped) or `release` (kept after all), so two
   * prunes running at once never pick the same request nor drop too many.
   */
  reservePruneCandidates(cutoff: number, maxFinished: number, limit: number): string[];
  /** Returns a reserved candidate that was not dropped (say, its file could not be removed). */
  release(id: string): void;
}

interface EndedEntry {
  readonly id: string;
  readonly endedAt: number;
  readonly filed: number;
}

function isEarlier(a: EndedEntry, b: EndedEntry): boolean {
  return a.endedAt < b.endedAt || (a.endedAt === b.endedAt && a.filed < b.filed);
}

/**
 * A binary min-heap of finished requests by end time. Entries are never removed from the middle:
 * one whose request was dropped or changed is recognised as stale when it reaches the top.
 */
function createEndedHeap() {
  const items: EndedEntry[] = [];
  const swap = (i: number, j: number) => {
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  };
  return {
    peek: (): EndedEntry | undefined => items[0],
    push(entry: EndedEntry): void {
      items.push(entry);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!isEarlier(items[i]!, items[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop(): void {
      const last = items.pop();
      if (last === undefined || items.length === 0) return;
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && isEarlier(items[left]!, items[least]!)) least = left;
        if (right < items.length && isEarlier(items[right]!, items[least]!)) least = right;
        if (least === i) return;
        swap(i, least);
        i = least;
      }
    },
  };
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

/** An empty index. Callers `put` requests in filing order (oldest first). */
export function createApprovalIndex(): ApprovalIndex {
  const byId = new Map<string, ApprovalRequest>();
  const filed = new Map<string, number>();
  let nextFiled = 0;
  const byStatus = new Map<string, Set<string>>();
  const pendingByRequesterId = new Map<string, Set<string>>();
  const pendingByAad = new Map<string, Set<string>>();
  const pendingByChannel = new Map<string, Set<string>>();
  /** End time of every finished request, as registered in the heap. */
  const finishedEndedAt = new Map<string, number>();
  const reserved = new Set<string>();
  const ended = createEndedHeap();

  const unindex = (request: ApprovalRequest): void => {
    removeFrom(byStatus, request.status, request.id);
    if (request.status !== 'pending') return;
    removeFrom(pendingByRequesterId, request.requester.id, request.id);
    if (request.requester.aadObjectId !== undefined)
      removeFrom(pendingByAad, request.requester.aadObjectId, request.id);
    removeFrom(pendingByChannel, request.channelKey, request.id);
  };

  const isUnexpiredPending = (id: string, at: number): boolean => {
    const request = byId.get(id);
    return request !== undefined && request.status === 'pending' && Date.parse(request.expiresAt) > at;
  };

  return {
    get: (id) => byId.get(id),
    values: () => byId.values(),
    put(request) {
      const { id } = request;
      const previous = byId.get(id);
      if (previous) unindex(previous);
      if (!filed.has(id)) filed.set(id, nextFiled++);
      byId.set(id, request);
      addTo(byStatus, request.status, id);
      if (request.status === 'pending') {
        addTo(pendingByRequesterId, request.requester.id, id);
        if (request.requester.aadObjectId !== undefined)
          addTo(pendingByAad, request.requester.aadObjectId, id);
        addTo(pendingByChannel, request.channelKey, id);
      }
      if (FINAL_APPROVAL_STATUSES.has(request.status)) {
        const end = endedAt(request);
        if (finishedEndedAt.get(id) !== end) {
          finishedEndedAt.set(id, end);
          ended.push({ id, endedAt: end, filed: filed.get(id)! });
        }
      } else {
        finishedEndedAt.delete(id);
      }
    },
    delete(id) {
      const previous = byId.get(id);
      if (previous) unindex(previous);
      byId.delete(id);
      filed.delete(id);
      finishedEndedAt.delete(id);
      reserved.delete(id);
    },
    idsWithStatus(status) {
      return [...(byStatus.get(status) ?? [])].sort((a, b) => filed.get(a)! - filed.get(b)!);
    },
    countPending(request, at) {
      let byRequester = 0;
      for (const id of pendingByRequesterId.get(request.requester.id) ?? []) {
        if (isUnexpiredPending(id, at)) byRequester += 1;
      }
      if (request.requester.aadObjectId !== undefined) {
        for (const id of pendingByAad.get(request.requester.aadObjectId) ?? []) {
          if (byId.get(id)?.requester.id !== request.requester.id && isUnexpiredPending(id, at))
            byRequester += 1;
        }
      }
      let byChannel = 0;
      for (const id of pendingByChannel.get(request.channelKey) ?? []) {
        if (isUnexpiredPending(id, at)) byChannel += 1;
      }
      return { byRequester, byChannel };
    },
    reservePruneCandidates(cutoff, maxFinished, limit) {
      const picked: string[] = [];
      let remaining = finishedEndedAt.size - reserved.size;
      while (picked.length < limit) {
        const top = ended.peek();
        if (!top) break;
        if (finishedEndedAt.get(top.id) !== top.endedAt || reserved.has(top.id)) {
          ended.pop();
          continue;
        }
        if (top.endedAt >= cutoff && remaining <= maxFinished) break;
        ended.pop();
        reserved.add(top.id);
        picked.push(top.id);
        remaining -= 1;
      }
      return picked;
    },
    release(id) {
      if (!reserved.delete(id)) return;
      const end = finishedEndedAt.get(id);
      if (end !== undefined) ended.push({ id, endedAt: end, filed: filed.get(id)! });
    },
  };
}
