import type { SimulatorFault } from './types.js';

interface ActiveFault {
  fault: SimulatorFault;
  remaining: number;
}

/** Pending injected faults; each is consumed by the requests it matches, `times` times. */
export class FaultQueue {
  private active: ActiveFault[] = [];

  /** Queues a fault (`times` default 1; must be a positive integer). */
  add(fault: SimulatorFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('fault.times must be a positive integer');
    this.active.push({ fault, remaining: times });
  }

  /** Drops every pending fault. */
  clear(): void {
    this.active = [];
  }

  private take<K extends SimulatorFault['kind']>(
    kind: K,
    method: string,
    path: string,
  ): Extract<SimulatorFault, { kind: K }> | undefined {
    for (const entry of this.active) {
      const fault = entry.fault;
      if (fault.kind !== kind) continue;
      if ('method' in fault && fault.method && fault.method.toUpperCase() !== method) continue;
      if ('pathIncludes' in fault && fault.pathIncludes && !path.includes(fault.pathIncludes)) continue;
      entry.remaining--;
      if (entry.remaining <= 0) this.active = this.active.filter((e) => e !== entry);
      return fault as Extract<SimulatorFault, { kind: K }>;
    }
    return undefined;
  }

  /** Consumes the first matching delay fault; returns its milliseconds (0 when none). */
  takeDelay(method: string, path: string): number {
    return this.take('delay', method, path)?.ms ?? 0;
  }

  /** Consumes the first matching status fault. */
  takeStatus(method: string, path: string): Extract<SimulatorFault, { kind: 'status' }> | undefined {
    return this.take('status', method, path);
  }

  /** Consumes one spurious-conflict fault; true when there was one. */
  takeSpuriousConflict(): boolean {
    return this.take('spurious-conflict', 'PUT', '') !== undefined;
  }
}

/** Token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0))
      throw new Error('rateLimit needs capacity >= 1 and refill > 0');
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes a token: 0 when allowed, else the whole seconds to wait before one is available. */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerSecond));
  }

  /** Whole tokens left (for the `X-RateLimit-Remaining` header). */
  remaining(): number {
    return Math.floor(this.tokens);
  }

  /** Bucket size (for the `X-RateLimit-Limit` header). */
  limit(): number {
    return this.capacity;
  }
}
