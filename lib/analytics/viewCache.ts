/** How a response was obtained: from a stored result, by joining a computation in flight, or computed for it. */
export type ViewSource = "hit" | "shared" | "computed";

export interface CachedView {
  /** The serialised view, shared as is by every viewer it is served to. */
  body: string;
  /** When its computation began (epoch ms): the view shows the data as of then. */
  computedAt: number;
  source: ViewSource;
}

export interface ViewCacheOptions {
  /** Longest age at which a result is still served (0: never stored, computations are still shared). */
  ttlMs: number;
  maxEntries: number;
  /** Bound on the stored bodies' total length (characters). */
  maxChars: number;
  /** Position of the write sequence now (see lib/db/localWrites.ts). */
  writeClock: () => number;
  /** Position of the last write that may affect a workspace. */
  lastWriteTo: (workspaceId: string) => number;
  now?: () => number;
}

interface Stored {
  workspaceId: string;
  body: string;
  computedAt: number;
  /** writeClock() when the computation began: writes after that make it stale. */
  clock: number;
}

interface Flight {
  workspaceId: string;
  clock: number;
  startedAt: number;
  promise: Promise<Stored>;
}

/**
 * Single-flight plus a small, bounded cache of computed views, per process. A request is answered
 * from a stored result when that result is younger than `ttlMs` and began after the last write this
 * instance made to the workspace; otherwise it joins a computation in flight that began after that
 * write, or starts one that later requests join. `fresh` requests (Cache-Control: no-cache) always
 * start their own computation. Keys must hold everything the result depends on (workspace, the
 * caller's visibility, the normalised query); the workspace is checked again on every hit.
 */
export class ViewCache {
  private readonly stored = new Map<string, Stored>();
  private readonly flights = new Map<string, Flight>();
  private storedChars = 0;
  private readonly now: () => number;

  constructor(private readonly options: ViewCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, workspaceId: string, compute: () => Promise<string>, fresh = false): Promise<CachedView> {
    const lastWrite = this.options.lastWriteTo(workspaceId);
    if (!fresh) {
      const hit = this.stored.get(key);
      if (hit && hit.workspaceId === workspaceId && hit.clock >= lastWrite && this.now() - hit.computedAt < this.options.ttlMs) {
        this.stored.delete(key); // most recently used last
        this.stored.set(key, hit);
        return { body: hit.body, computedAt: hit.computedAt, source: "hit" };
      }
      const flight = this.flights.get(key);
      if (flight && flight.workspaceId === workspaceId && flight.clock >= lastWrite) {
        const shared = await flight.promise;
        return { body: shared.body, computedAt: shared.computedAt, source: "shared" };
      }
    }
    const result = await this.start(key, workspaceId, compute).promise;
    return { body: result.body, computedAt: result.computedAt, source: "computed" };
  }

  /** Number of stored results and their total size (for tests and diagnostics). */
  size(): { entries: number; chars: number } {
    return { entries: this.stored.size, chars: this.storedChars };
  }

  private start(key: string, workspaceId: string, compute: () => Promise<string>): Flight {
    const clock = this.options.writeClock();
    const startedAt = this.now();
    const flight: Flight = {
      workspaceId,
      clock,
      startedAt,
      promise: compute().then((body) => {
        const result = { workspaceId, body, computedAt: startedAt, clock };
        this.store(key, result);
        return result;
      }),
    };
    this.flights.set(key, flight);
    const done = () => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    flight.promise.then(done, done);
    return flight;
  }

  private store(key: string, result: Stored): void {
    const { ttlMs, maxEntries, maxChars } = this.options;
    if (ttlMs <= 0 || result.body.length > maxChars) return;
    const existing = this.stored.get(key);
    if (existing && existing.computedAt > result.computedAt) return; // a newer computation finished first
    this.remove(key);
    const now = this.now();
    for (const [k, s] of this.stored) if (now - s.computedAt >= ttlMs) this.remove(k);
    while (this.stored.size >= maxEntries || this.storedChars + result.body.length > maxChars) {
      const oldest = this.stored.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
    }
    this.stored.set(key, result);
    this.storedChars += result.body.length;
  }

  private remove(key: string): void {
    const s = this.stored.get(key);
    if (!s) return;
    this.stored.delete(key);
    this.storedChars -= s.body.length;
  }
}
