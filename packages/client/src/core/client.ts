import type { Platform } from "../platform/platform.js";
import { createFetchSender } from "../transport/fetchSender.js";
import { Transport } from "../transport/transport.js";
import { buildEvent, clampEvent, shrinkEvent } from "./buildEvent.js";
import { describeThrown } from "./describeThrown.js";
import type { Endpoint } from "./dsn.js";
import { delayRule, numberOption } from "./options.js";
import { Scope } from "./scope.js";
import { toSeverity } from "./severity.js";
import { setLongTimeout } from "./timers.js";
import type { CaptureContext, FaultlineEvent, FaultlineOptions, Level, Severity } from "./types.js";

const VERSION = "0.1.0";

/** The numeric options, checked: the documented default for what is missing or not a finite number. */
export interface ClientSettings {
  sampleRate: number;
  maxQueueSize: number;
  maxBatchSize: number;
  flushIntervalMs: number;
  maxAttempts: number;
  maxBackoffMs: number;
  maxOfflineEvents: number;
}

function settingsOf(options: FaultlineOptions, log?: (message: string) => void): ClientSettings {
  return {
    sampleRate: numberOption("sampleRate", options.sampleRate, { fallback: 1, min: 0, max: 1 }, log),
    maxQueueSize: numberOption("maxQueueSize", options.maxQueueSize, { fallback: 1000, min: 1, integer: true }, log),
    // The server takes at most 1,000 events per request.
    maxBatchSize: numberOption("maxBatchSize", options.maxBatchSize, { fallback: 50, min: 1, max: 1000, integer: true }, log),
    flushIntervalMs: numberOption("flushIntervalMs", options.flushIntervalMs, delayRule(1000), log),
    maxAttempts: numberOption("maxAttempts", options.maxAttempts, { fallback: 10, min: 1, integer: true }, log),
    maxBackoffMs: numberOption("maxBackoffMs", options.maxBackoffMs, delayRule(60_000), log),
    maxOfflineEvents: numberOption("maxOfflineEvents", options.maxOfflineEvents, { fallback: 100, min: 0, integer: true }, log),
  };
}

/**
 * One configured reporter: scope, event building, sampling and beforeSend, and the transport.
 * Reports are processed in submission order, so a parent event is always queued before its children.
 */
export class Client {
  readonly scope = new Scope();
  readonly transport: Transport;
  readonly settings: ClientSettings;
  private readonly captured = new WeakMap<object, string>();
  /** Reports waiting for an async beforeSend, oldest first (at most maxQueueSize events). */
  private backlog: FaultlineEvent[][] = [];
  private backlogEvents = 0;
  /** A report is in beforeSend. */
  private draining = false;
  private drainWaiters: (() => void)[] = [];
  private handlersOff: (() => void)[] = [];
  private exitHooksOff: (() => void)[] = [];
  private closed = false;
  private readonly log: ((message: string) => void) | undefined;

  constructor(
    readonly options: FaultlineOptions,
    readonly endpoint: Endpoint,
    readonly platform: Platform,
  ) {
    this.log = options.debug ? (message: string) => console.log(`[faultline] ${message}`) : undefined;
    this.settings = settingsOf(options, this.log);
    const sender = createFetchSender({
      url: endpoint.url,
      key: endpoint.key,
      auth: platform.auth,
      headers: { "x-faultline-client": `faultline-js/${VERSION}`, ...options.headers },
      fetch: options.fetch,
      connectivity: platform.connectivity,
    });
    const { maxOfflineEvents } = this.settings;
    this.transport = new Transport(
      sender,
      {
        maxQueueSize: this.settings.maxQueueSize,
        maxBatchSize: this.settings.maxBatchSize,
        flushIntervalMs: this.settings.flushIntervalMs,
        maxAttempts: this.settings.maxAttempts,
        maxBackoffMs: this.settings.maxBackoffMs,
        log: this.log,
        keepAlive: platform.keepAlive,
        shrink: shrinkEvent,
      },
      maxOfflineEvents > 0 ? platform.storage?.(namespaceOf(endpoint), maxOfflineEvents) : undefined,
      platform.connectivity,
    );
  }

  /** Installs global handlers and exit hooks (called by init). */
  start(): void {
    if (this.options.globalHandlers !== false) this.handlersOff.push(this.platform.installGlobalHandlers(this));
    this.exitHooksOff.push(this.platform.installExitHooks(this));
  }

  /** Reports an error; returns its event id. The same Error object is reported once. */
  captureException(error: unknown, capture: CaptureContext = {}): string {
    const known = this.capturedEventId(error);
    if (known) return known;
    const event = this.buildEvent(error, capture);
    this.markCaptured(error, event.eventId);
    this.submit([event]);
    return event.eventId;
  }

  captureMessage(message: string, severityOrCapture?: Severity | Level | CaptureContext): string {
    const capture: CaptureContext = typeof severityOrCapture === "string" ? { severity: severityOrCapture } : { ...severityOrCapture };
    const event = buildEvent({ type: "Message", message: String(message) }, { ...capture, severity: toSeverity(capture.severity) ?? "low" }, this.defaults());
    this.submit([event]);
    return event.eventId;
  }

  /** An event for `error` with the scope, not sent (the recovery helpers assemble reports from these). */
  buildEvent(error: unknown, capture: CaptureContext = {}, at: Date = new Date()): FaultlineEvent {
    return buildEvent(describeThrown(error), capture, this.defaults(), at);
  }

  /** Remembers that `error` was reported as `eventId`, so capturing it again sends nothing new. */
  markCaptured(error: unknown, eventId: string): void {
    if (isObject(error)) this.captured.set(error, eventId);
  }

  /** The event `error` was reported as, if it was. */
  capturedEventId(error: unknown): string | undefined {
    return isObject(error) ? this.captured.get(error) : undefined;
  }

  /**
   * Sends a report: events in order, the first one the head that later ones may link to. Sampling
   * keeps or drops the whole report; beforeSend sees each event.
   */
  submit(events: FaultlineEvent[]): void {
    if (this.closed || events.length === 0) return;
    const rate = this.settings.sampleRate;
    if (rate < 1 && !(Math.random() < rate)) return;
    if (!this.options.beforeSend) return this.transport.enqueue(events.map(clampEvent));
    this.backlog.push(events);
    this.backlogEvents += events.length;
    // Reports waiting for beforeSend count against maxQueueSize: the oldest are dropped beyond.
    while (this.backlogEvents > this.settings.maxQueueSize && this.backlog.length > 1) {
      const dropped = this.backlog.shift()!;
      this.backlogEvents -= dropped.length;
      this.transport.stats.dropped += dropped.length;
      this.log?.(`${dropped.length} event(s) waiting for beforeSend dropped: more than maxQueueSize wait`);
    }
    if (!this.draining) void this.drain();
  }

  /** Resolves true once everything captured so far was answered by the server (false on timeout). */
  async flush(timeoutMs?: number): Promise<boolean> {
    const deadline = typeof timeoutMs === "number" && Number.isFinite(timeoutMs) ? Date.now() + Math.max(0, timeoutMs) : undefined;
    // Reports the recovery helpers deferred to the end of the current task are submitted first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!(await this.beforeSendDone(deadline))) return false;
    return this.transport.flush(deadline === undefined ? undefined : Math.max(0, deadline - Date.now()));
  }

  /** Flushes, then stops: handlers removed, the transport stopped, later captures ignored. */
  async close(timeoutMs?: number): Promise<boolean> {
    const flushed = await this.flush(timeoutMs);
    this.stop();
    return flushed;
  }

  /**
   * Replaced by a new client (init called again): its global handlers go at once, so the new
   * client's are the only ones; what it queued is still sent in the background, and its exit hook
   * stays until its queue is empty.
   */
  retire(): void {
    this.closed = true;
    this.handlersOff.forEach((off) => off());
    this.handlersOff = [];
    void this.beforeSendDone(undefined)
      .then(() => this.transport.whenIdle())
      .then(() => this.stop());
  }

  private stop(): void {
    this.closed = true;
    [...this.handlersOff, ...this.exitHooksOff].forEach((off) => off());
    this.handlersOff = [];
    this.exitHooksOff = [];
    if (this.backlogEvents) this.transport.stats.dropped += this.backlogEvents;
    this.backlog = [];
    this.backlogEvents = 0;
    this.transport.stop();
  }

  /** Passes the backlog through beforeSend, one report after another (so their order is kept). */
  private async drain(): Promise<void> {
    const beforeSend = this.options.beforeSend;
    if (!beforeSend) return;
    this.draining = true;
    try {
      // beforeSend runs after the capture call returned, as it always did.
      await null;
      for (let events = this.backlog.shift(); events; events = this.backlog.shift()) {
        this.backlogEvents -= events.length;
        const kept: FaultlineEvent[] = [];
        for (const event of events) {
          try {
            const result = await beforeSend(event);
            if (result) kept.push(clampEvent(result));
          } catch (error) {
            // beforeSend is where data gets scrubbed: an event it failed on is never sent as it was.
            this.transport.stats.dropped++;
            this.log?.(`beforeSend threw; event ${event.eventId} dropped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
        }
        if (kept.length) this.transport.enqueue(kept);
      }
    } finally {
      this.draining = false;
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves true once no report waits for beforeSend, false if `deadline` passed first. */
  private beforeSendDone(deadline: number | undefined): Promise<boolean> {
    if (!this.draining && this.backlog.length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        timer?.cancel();
        resolve(true);
      };
      this.drainWaiters.push(done);
      const timer =
        deadline === undefined
          ? undefined
          : setLongTimeout(() => {
              this.drainWaiters = this.drainWaiters.filter((w) => w !== done);
              resolve(false);
            }, deadline - Date.now());
    });
  }

  private defaults() {
    return { options: this.options, scope: this.scope, runtime: this.platform.runtime() };
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** Storage keys per endpoint, so two projects on one page never mix their queues. */
function namespaceOf(endpoint: Endpoint): string {
  let hash = 5381;
  const text = `${endpoint.url}|${endpoint.key}`;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
