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
  random?: () => number;
}

interface Queued {
  event: FaultlineEvent;
  attempts: number;
  bytes: number;
}

/** What the transport has done so far (tests, debugging). */
export interface TransportStats {
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
  private failures = 0;
  private batchLimit: number;
  private flushing = 0;
  private idleWaiters: (() => void)[] = [];
  private persistQueued = false;
  readonly stats: TransportStats = { sent: 0, dropped: 0, requests: 0, retries: 0 };

  constructor(
    private readonly sender: Sender,
    private readonly options: TransportOptions,
    private readonly storage?: QueueStorage,
    private readonly connectivity?: Connectivity,
  ) {
    this.batchLimit = options.maxBatchSize;
    connectivity?.onOnline(() => {
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
    const known = new Set(this.queue.map((q) => q.event.eventId));
    for (const event of events) {
      if (known.has(event.eventId)) continue;
      known.add(event.eventId);
      this.queue.push({ event, attempts: 0, bytes: byteLength(JSON.stringify(event)) });
    }
    while (this.queue.length > this.options.maxQueueSize) {
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
    this.flushing++;
    this.schedule(0);
    if (this.timer) this.options.keepAlive?.(this.timer, true);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (value: boolean) => {
        if (settled) return;
        settled = true;
        this.flushing--;
        if (timeout) clearTimeout(timeout);
        const i = this.idleWaiters.indexOf(onIdle);
        if (i >= 0) this.idleWaiters.splice(i, 1);
        resolve(value);
      };
      const onIdle = () => settle(true);
      this.idleWaiters.push(onIdle);
      const timeout = timeoutMs === undefined ? undefined : setTimeout(() => settle(false), timeoutMs);
    });
  }

  /**
   * Page hide: hands everything queued to sendBeacon (which outlives the page), unless the server
   * asked to wait (then the queue stays in storage for the next page load). Returns events handed over.
   */
  beaconAll(): number {
    this.persistNow();
    if (!this.sender.beacon || this.queue.length === 0) return 0;
    if (Date.now() < this.retryAt || (this.connectivity && !this.connectivity.isOnline())) return 0;
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
    if (this.sending) return;
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
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sendNext();
    }, at - now);
    this.options.keepAlive?.(this.timer, this.flushing > 0);
  }

  private async sendNext(): Promise<void> {
    if (this.sending || this.queue.length === 0) return this.schedule(0);
    this.sending = true;
    const batch = this.takeBatch(this.options.maxBatchBytes ?? 900_000);
    this.inflight = new Set(batch);
    let result: SendResult;
    try {
      this.stats.requests++;
      result = await this.sender.send(batch.map((q) => q.event));
    } catch (error) {
      result = { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
    }
    this.inflight = new Set();
    this.handle(batch, result);
    this.sending = false;
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
        this.batchLimit = this.options.maxBatchSize;
        return;
      case "offline":
        this.log("offline: keeping the queue until the device is back online");
        return;
      case "tooLarge":
        if (batch.length > 1) {
          this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
          this.log(`413: sending smaller batches (${this.batchLimit})`);
        } else {
          this.remove(batch);
          this.stats.dropped++;
          this.log("413: an event too large for the server was dropped");
        }
        return;
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
    waiters.forEach((w) => w());
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

function byteLength(text: string): number {
  // UTF-8 length without TextEncoder allocations for ASCII-heavy payloads.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}
