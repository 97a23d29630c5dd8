import type { Platform } from "../platform/platform.js";
import { createFetchSender } from "../transport/fetchSender.js";
import { Transport } from "../transport/transport.js";
import { buildEvent, clampEvent } from "./buildEvent.js";
import { describeThrown } from "./describeThrown.js";
import type { Endpoint } from "./dsn.js";
import { Scope } from "./scope.js";
import { toSeverity } from "./severity.js";
import type { CaptureContext, FaultlineEvent, FaultlineOptions, Level, Severity } from "./types.js";

const VERSION = "0.1.0";

/**
 * One configured reporter: scope, event building, sampling and beforeSend, and the transport.
 * Reports are processed in submission order, so a parent event is always queued before its children.
 */
export class Client {
  readonly scope = new Scope();
  readonly transport: Transport;
  private readonly captured = new WeakMap<object, string>();
  private asyncTail: Promise<void> | null = null;
  private uninstall: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly options: FaultlineOptions,
    readonly endpoint: Endpoint,
    readonly platform: Platform,
  ) {
    const log = options.debug ? (message: string) => console.log(`[faultline] ${message}`) : undefined;
    const sender = createFetchSender({
      url: endpoint.url,
      key: endpoint.key,
      auth: platform.auth,
      headers: { "x-faultline-client": `faultline-js/${VERSION}`, ...options.headers },
      fetch: options.fetch,
      connectivity: platform.connectivity,
    });
    const maxOffline = options.maxOfflineEvents ?? 100;
    this.transport = new Transport(
      sender,
      {
        maxQueueSize: options.maxQueueSize ?? 1000,
        maxBatchSize: options.maxBatchSize ?? 50,
        flushIntervalMs: options.flushIntervalMs ?? 1000,
        maxAttempts: options.maxAttempts ?? 10,
        maxBackoffMs: options.maxBackoffMs ?? 60_000,
        log,
        keepAlive: platform.keepAlive,
      },
      maxOffline > 0 ? platform.storage?.(namespaceOf(endpoint), maxOffline) : undefined,
      platform.connectivity,
    );
  }

  /** Installs global handlers and exit hooks (called by init). */
  start(): void {
    if (this.options.globalHandlers !== false) this.uninstall.push(this.platform.installGlobalHandlers(this));
    this.uninstall.push(this.platform.installExitHooks(this));
  }

  /** Reports an error; returns its event id. The same Error object is reported once. */
  captureException(error: unknown, capture: CaptureContext = {}): string {
    const known = isObject(error) ? this.captured.get(error) : undefined;
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

  /**
   * Sends a report: events in order, the first one the head that later ones may link to. Sampling
   * keeps or drops the whole report; beforeSend sees each event.
   */
  submit(events: FaultlineEvent[]): void {
    if (this.closed || events.length === 0) return;
    const rate = this.options.sampleRate ?? 1;
    if (rate < 1 && !(Math.random() < rate)) return;
    const beforeSend = this.options.beforeSend;
    if (!beforeSend) return this.transport.enqueue(events.map(clampEvent));
    const run = async () => {
      const kept: FaultlineEvent[] = [];
      for (const event of events) {
        try {
          const result = await beforeSend(event);
          if (result) kept.push(clampEvent(result));
        } catch (error) {
          if (this.options.debug) console.log("[faultline] beforeSend threw; event sent unchanged", error);
          kept.push(clampEvent(event));
        }
      }
      if (kept.length) this.transport.enqueue(kept);
    };
    // Reports pass beforeSend one after another, so their order is kept.
    const tail = (this.asyncTail ?? Promise.resolve()).then(run);
    this.asyncTail = tail;
    void tail.finally(() => {
      if (this.asyncTail === tail) this.asyncTail = null;
    });
  }

  /** Resolves true once everything captured so far was answered by the server (false on timeout). */
  async flush(timeoutMs?: number): Promise<boolean> {
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    // Reports the recovery helpers deferred to the end of the current task are submitted first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.asyncTail) await this.asyncTail;
    return this.transport.flush(deadline === undefined ? undefined : Math.max(0, deadline - Date.now()));
  }

  /** Flushes, then stops: handlers removed, later captures ignored. */
  async close(timeoutMs?: number): Promise<boolean> {
    const flushed = await this.flush(timeoutMs);
    this.closed = true;
    this.uninstall.forEach((u) => u());
    this.uninstall = [];
    return flushed;
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
