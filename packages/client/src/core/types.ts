/**
 * The wire format of one event, as POST /api/v1/events accepts it. The server's zod schema
 * (lib/ingest/eventSchema.ts) is the source of truth; lib/ingest/clientEventContract.test.ts checks
 * that every event this client builds passes it.
 */
export type Severity = "low" | "medium" | "high" | "critical";

/** Sentry-style levels, accepted wherever a severity is, for people coming from other SDKs. */
export type Level = "fatal" | "error" | "warning" | "info" | "debug";

export interface RecoveryOutcome {
  /** Whether the operation ended well after the failure (a retry succeeded, the fallback answered…). */
  recovered: boolean;
  /** How: "retry", "fallback", "timeout", "circuit_breaker", or your own word. */
  method?: string;
  /** From the first failure to the recovery (or to giving up), in milliseconds. */
  durationMs?: number;
  /** True when code recovered on its own, false when a person had to step in. */
  automatic?: boolean;
}

export type TagValue = string | number | boolean;

/** One exception of an event's chain. */
export interface EventException {
  type: string;
  message: string;
  stackTrace?: string;
  /** To the exception before it; the first entry is the raised one and has none. */
  relation?: "cause" | "member";
}

export interface FaultlineEvent {
  /** Idempotency key, fixed when the event is captured: a retried send is counted once. */
  eventId: string;
  type: string;
  message: string;
  stackTrace?: string;
  /**
   * The chain when the error has linked ones (a `cause`, an AggregateError's `errors`): the raised
   * exception first (its trace is `stackTrace` above), then each linked one with its own trace.
   */
  exceptions?: EventException[];
  severity?: Severity;
  category?: string;
  source?: string;
  /** ISO-8601. */
  occurredAt: string;
  userId?: string;
  agentId?: string;
  runId?: string;
  environment?: string;
  release?: string;
  platform?: string;
  /** File URL → debug ID of the bundled files the traces name (filled from a bundler's `_sentryDebugIds`). */
  debugIds?: Record<string, string>;
  tags?: Record<string, TagValue>;
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  fingerprint?: string[];
  /** The event that caused this one (a retried attempt points at the first failure). */
  parentEventId?: string;
  impact?: { creditsLost?: number; executionsAffected?: number };
  recovery?: RecoveryOutcome;
}

export interface User {
  id?: string;
  email?: string;
  username?: string;
  [key: string]: unknown;
}

/** Per-call additions to a captured event. */
export interface CaptureContext {
  severity?: Severity | Level;
  category?: string;
  source?: string;
  tags?: Record<string, TagValue>;
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  user?: User;
  fingerprint?: string[];
  parentEventId?: string;
  recovery?: RecoveryOutcome;
  impact?: FaultlineEvent["impact"];
  agentId?: string;
  runId?: string;
  /** Use this id instead of a fresh one (e.g. to link children before the event is sent). */
  eventId?: string;
}

export interface FaultlineOptions {
  /** Base URL of the Faultline app, e.g. "https://errors.example.com" (its ingest URL, …/api/v1/events, works too). */
  url?: string;
  /** The project's ingest key. */
  key?: string;
  /** Alternative to url + key: "https://<key>@errors.example.com" (a trailing /<project> is ignored). */
  dsn?: string;
  environment?: string;
  release?: string;
  /** Share of events sent, 0..1 (default 1). Applied once per report, so linked events stay together. */
  sampleRate?: number;
  /**
   * Last look at an event: return it (changed or not) to send it, or null to drop it. If it throws
   * (or rejects), the event is dropped: what it failed to scrub is never sent as it was.
   */
  beforeSend?: (event: FaultlineEvent) => FaultlineEvent | null | Promise<FaultlineEvent | null>;
  /** Tags on every event. */
  tags?: Record<string, TagValue>;
  /** Report uncaught errors and unhandled rejections (default true). */
  globalHandlers?: boolean;
  /**
   * Node only: after reporting an unhandled rejection, exit with code 1 like Node does by default
   * ("exit", the default) or only report and warn ("warn").
   */
  unhandledRejection?: "exit" | "warn";
  /**
   * Events kept in memory while waiting to be sent (default 1000), and as many waiting for an async
   * beforeSend; the oldest are dropped beyond. Numeric options that are not finite numbers take
   * their default.
   */
  maxQueueSize?: number;
  /** Events per request (default 50; 1–1000). */
  maxBatchSize?: number;
  /** How long an event may wait for others to share its request, in ms (default 1000). */
  flushIntervalMs?: number;
  /** Sends of one event before it is given up (default 10); offline periods do not count. */
  maxAttempts?: number;
  /** Longest wait between retries, in ms (default 60000); a server's Retry-After may ask for more, up to 10 minutes. */
  maxBackoffMs?: number;
  /** Browser only: events kept in localStorage while offline or unsent at page hide (default 100). */
  maxOfflineEvents?: number;
  /** Extra request headers (Node transport only; browsers send none, see docs/client.md). */
  headers?: Record<string, string>;
  /** Log what the client does to the console. */
  debug?: boolean;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}
