import { utf8Length } from "../core/size.js";
import { setLongTimeout } from "../core/timers.js";
import type { FaultlineEvent } from "../core/types.js";
import { backoffMs, MAX_RETRY_AFTER_MS } from "./retryAfter.js";
import type { Connectivity, QueueStorage, Sender, SendResult } from "./sender.js";

export interface TransportOptions {
  maxQueueSize: number;
  maxBatchSize: number;
  flushIntervalMs: number;
  maxAttempts: number;
  maxBackoffMs: number;
  /** Bytes of one request body at most (the server takes 10 MiB; we stay well below). */
  maxBatchBytes?: number;
  log?: (message: string) => void;
  /** Node: timers that must (true) or must not (false) keep the process alive. */
  keepAlive?: (timer: ReturnType<typeof setTimeout>, alive: boolean) => void;
  /**
   * An event the server refused as too large (413) cut down to its essentials (free-form parts
   * shortened): sent once more before it is given up.
   */
  shrink?: (event: FaultlineEvent) => FaultlineEvent;
  random?: () => number;
}

interface Queued {
  event: FaultlineEvent;
  attempts: number;
  bytes: number;
  /** Already cut down after a 413. */
  shrunk?: boolean;
}

/** What the transport has done so far (tests, debugging). */
export interface TransportStats {
  /** Events accepted into the queue. */
  queued: number;
  sent: number;
  dropped: number;
  requests: number;
  retries: number;
}

/**
 * The event queue and its sending loop. Events wait at most `flushIntervalMs` to share a request
 * (a full batch goes at once); one request is in flight at a time, so events arrive in capture order
 * (a parent before the events linking to it). A 429 or 503 waits as long as Retry-After asks
 * (otherwise exponential backoff); 5xx, timeouts and network errors back off too; offline devices
 * wait for connectivity without using up attempts. The queue is bounded (oldest dropped) and, in
 * browsers, mirrored to storage so a reload or a crash loses nothing. Event ids are fixed at capture,
 * so a request whose answer was lost can be repeated without counting anything twice.
 */
export class Transport {
  private queue: Queued[] = [];
  private sending = false;
  /** The batch of the request in flight (page hide hands the others to sendBeacon). */
  private inflight = new Set<Queued>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;
  private retryAt = 0;
  /** Until when the server asked to wait (429/503 with Retry-After): page hide keeps the queue then. */
  private serverWaitUntil = 0;
  private failures = 0;
  private batchLimit: number;
  private flushing = 0;
  /** Called with true once the queue is empty and nothing is in flight, with false if stopped first. */
  private idleWaiters: ((idle: boolean) => void)[] = [];
  private persistQueued = false;
  /** Cancels the request in flight. */
  private request: AbortController | undefined;
  private stopped = false;
  readonly stats: TransportStats = { queued: 0, sent: 0, dropped: 0, requests: 0, retries: 0 };

  constructor(
    private readonly sender: Sender,
    private readonly options: TransportOptions,
    private readonly storage?: QueueStorage,
    private readonly connectivity?: Connectivity,
  ) {
    this.batchLimit = this.maxBatchSize();
    connectivity?.onOnline(() => {
      if (this.stopped) return;
      this.log("online again: sending the queue");
      this.retryAt = 0;
      this.schedule(0);
    });
    const stored = storage?.load() ?? [];
    if (stored.length) {
      this.log(`${stored.length} event(s) left from an earlier page: sending them`);
      this.enqueue(stored);
    }
  }

  get size(): number {
    return this.queue.length;
  }

  enqueue(events: FaultlineEvent[]): void {
    if (this.stopped) return;
    const known = new Set(this.queue.map((q) => q.event.eventId));
    for (const event of events) {
      if (known.has(event.eventId)) continue;
      known.add(event.eventId);
      this.queue.push({ event, attempts: 0, bytes: utf8Length(JSON.stringify(event)) });
      this.stats.queued++;
    }
    const max = Math.max(1, Math.floor(this.options.maxQueueSize) || 1);
    while (this.queue.length > max) {
      this.queue.shift();
      this.stats.dropped++;
    }
    this.persistSoon();
    this.schedule(this.queue.length >= this.batchLimit ? 0 : this.options.flushIntervalMs);
  }

  /**
   * Resolves true once every queued event was answered (sent, or given up), false if `timeoutMs`
   * passed first. Sends at once what waits for a batch; respects a server's Retry-After.
   */
  flush(timeoutMs?: number): Promise<boolean> {
    if (this.isIdle()) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    this.flushing++;
    this.schedule(0);
    // Node: a flush holds the process open until it is done or its time is up, and no longer.
    if (this.timer) this.options.keepAlive?.(this.timer, true);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (value: boolean) => {
        if (settled) return;
        settled = true;
        this.flushing--;
        timeout?.cancel();
        const i = this.idleWaiters.indexOf(settle);
        if (i >= 0) this.idleWaiters.splice(i, 1);
        if (this.flushing === 0 && this.timer) this.options.keepAlive?.(this.timer, false);
        resolve(value);
      };
      this.idleWaiters.push(settle);
      const timeout = timeoutMs === undefined || timeoutMs === Infinity ? undefined : setLongTimeout(() => settle(false), timeoutMs);
    });
  }

  /** Resolves once the queue is empty and nothing is in flight (or the transport stopped), without hurrying anything. */
  whenIdle(): Promise<void> {
    if (this.isIdle() || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(() => resolve()));
  }

  /**
   * Cancels the request in flight, if any: its events stay queued without using an attempt and are
   * sent again later. Node's exit flush does this when its time is up, so that a server that
   * never answers cannot keep the process alive.
   */
  abortRequest(): void {
    this.request?.abort();
  }

  /** Stops for good: no timer, no request, nothing accepted; waiting flushes resolve false. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.abort();
    // Browsers: what is left stays in storage for the next page.
    this.persistNow();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w(false));
  }

  /**
   * Page hide: hands everything queued to sendBeacon (which outlives the page), unless the server
   * asked to wait (then the queue stays in storage for the next page load). Returns events handed over.
   */
  beaconAll(): number {
    this.persistNow();
    if (!this.sender.beacon || this.queue.length === 0 || this.stopped) return 0;
    if (Date.now() < this.serverWaitUntil || (this.connectivity && !this.connectivity.isOnline())) return 0;
    let handed = 0;
    for (;;) {
      const waiting = this.queue.filter((q) => !this.inflight.has(q));
      if (waiting.length === 0) break;
      // sendBeacon takes 64 KiB per page in flight: small bodies, one after another.
      const batch = this.takeBatch(60_000, waiting);
      if (!this.sender.beacon(batch.map((q) => q.event))) break;
      this.remove(batch);
      handed += batch.length;
    }
    this.persistNow();
    if (handed) this.log(`${handed} event(s) handed to sendBeacon`);
    return handed;
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.sending;
  }

  private schedule(delayMs: number): void {
    if (this.sending || this.stopped) return;
    if (this.queue.length === 0) {
      this.resolveIdle();
      return;
    }
    if (this.connectivity && !this.connectivity.isOnline()) return;
    const now = Date.now();
    const at = Math.max(now + (this.flushing ? 0 : delayMs), this.retryAt);
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // Retry-After may ask for up to 10 minutes: always within one timer's range.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sendNext();
    }, at - now);
    this.options.keepAlive?.(this.timer, this.flushing > 0);
  }

  private async sendNext(): Promise<void> {
    if (this.stopped) return;
    if (this.sending || this.queue.length === 0) return this.schedule(0);
    const batch = this.takeBatch(this.options.maxBatchBytes ?? 900_000);
    if (batch.length === 0) return;
    this.sending = true;
    this.inflight = new Set(batch);
    const request = typeof AbortController === "function" ? new AbortController() : undefined;
    this.request = request;
    let result: SendResult;
    try {
      this.stats.requests++;
      result = await this.sender.send(batch.map((q) => q.event), request?.signal);
    } catch (error) {
      result = { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
    }
    if (request?.signal.aborted) result = { kind: "aborted" };
    this.request = undefined;
    this.inflight = new Set();
    this.sending = false;
    if (this.stopped) return;
    this.handle(batch, result);
    this.persistSoon();
    this.schedule(this.queue.length >= this.batchLimit ? 0 : this.failures === 0 && this.flushing === 0 ? this.options.flushIntervalMs : 0);
  }

  private handle(batch: Queued[], result: SendResult): void {
    switch (result.kind) {
      case "ok":
        this.remove(batch);
        this.stats.sent += batch.length;
        this.failures = 0;
        this.retryAt = 0;
        this.serverWaitUntil = 0;
        this.batchLimit = this.maxBatchSize();
        return;
      case "offline":
        this.log("offline: keeping the queue until the device is back online");
        return;
      case "aborted":
        this.log("request cancelled: its events stay queued");
        return;
      case "tooLarge": {
        if (batch.length > 1) {
          this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
          this.log(`413: sending smaller batches (${this.batchLimit})`);
          return;
        }
        const [q] = batch;
        if (!q.shrunk && this.options.shrink) {
          q.event = this.options.shrink(q.event);
          q.bytes = utf8Length(JSON.stringify(q.event));
          q.shrunk = true;
          this.log(`413: sending the event once more with its context, metadata and tags cut down (${q.bytes} bytes)`);
          return;
        }
        this.remove(batch);
        this.stats.dropped++;
        this.log("413: an event too large for the server was dropped");
        return;
      }
      case "drop":
        this.remove(batch);
        this.stats.dropped += batch.length;
        this.log(`${result.reason}: ${batch.length} event(s) refused by the server and dropped`);
        return;
      case "retry": {
        this.failures++;
        this.stats.retries++;
        const wait = Math.min(MAX_RETRY_AFTER_MS, result.retryAfterMs ?? backoffMs(this.failures, this.options.maxBackoffMs, this.options.random));
        this.retryAt = Date.now() + wait;
        // Only a server that said how long to wait keeps page hide from beaconing; after a 502
        // or a network error, sendBeacon is worth its try.
        if ((result.status === 429 || result.status === 503) && result.retryAfterMs !== undefined) this.serverWaitUntil = this.retryAt;
        const givenUp: Queued[] = [];
        for (const q of batch) if (++q.attempts >= this.options.maxAttempts) givenUp.push(q);
        if (givenUp.length) {
          this.remove(givenUp);
          this.stats.dropped += givenUp.length;
        }
        this.log(`${result.reason}: retrying in ${wait} ms${givenUp.length ? `, ${givenUp.length} event(s) given up` : ""}`);
        return;
      }
    }
  }

  private maxBatchSize(): number {
    return Math.max(1, Math.floor(this.options.maxBatchSize) || 1);
  }

  private takeBatch(maxBytes: number, from: Queued[] = this.queue): Queued[] {
    const batch: Queued[] = [];
    let bytes = 0;
    for (const q of from) {
      if (batch.length >= this.batchLimit) break;
      if (batch.length > 0 && bytes + q.bytes > maxBytes) break;
      batch.push(q);
      bytes += q.bytes;
    }
    return batch;
  }

  private remove(items: Queued[]): void {
    const gone = new Set(items);
    this.queue = this.queue.filter((q) => !gone.has(q));
  }

  private resolveIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w(true));
  }

  private persistSoon(): void {
    if (!this.storage || this.persistQueued) return;
    this.persistQueued = true;
    queueMicrotask(() => {
      this.persistQueued = false;
      this.persistNow();
    });
  }

  private persistNow(): void {
    try {
      this.storage?.save(this.queue.map((q) => q.event));
    } catch {
      // Storage full or unavailable: the in-memory queue still holds everything.
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
