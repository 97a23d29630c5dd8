import type { Platform } from "../platform/platform.js";
import { Client } from "./client.js";
import { resolveEndpoint } from "./dsn.js";
import { getClient, setClient } from "./hub.js";
import type { CaptureContext, FaultlineOptions, Level, Severity, TagValue, User } from "./types.js";

/**
 * Starts reporting: `init({ url, key })` with the app's base URL and a project's ingest key (or
 * `dsn`). Calling it again replaces the client: the old one's global handlers are removed at once,
 * and it still sends what it queued. Without a complete endpoint, nothing is reported and every
 * function below is a no-op.
 */
export function initWith(platform: Platform, options: FaultlineOptions): Client | undefined {
  const previous = getClient();
  const endpoint = resolveEndpoint(options);
  previous?.retire();
  if (!endpoint) {
    if (options.debug) console.log("[faultline] no url + key (or dsn): reporting is off");
    setClient(undefined);
    return undefined;
  }
  const client = new Client(options, endpoint, platform);
  setClient(client);
  client.start();
  return client;
}

/** Reports an error (anything thrown); returns its event id, or "" when the client is not initialised. */
export function captureException(error: unknown, capture?: CaptureContext): string {
  return getClient()?.captureException(error, capture) ?? "";
}

/** Reports a message (severity "low" unless given); returns its event id. */
export function captureMessage(message: string, severityOrCapture?: Severity | Level | CaptureContext): string {
  return getClient()?.captureMessage(message, severityOrCapture) ?? "";
}

/** Resolves true once everything captured so far was answered by the server, false if `timeoutMs` passed first. */
export function flush(timeoutMs?: number): Promise<boolean> {
  return getClient()?.flush(timeoutMs) ?? Promise.resolve(true);
}

/** Flushes (at most `timeoutMs`), then stops the client: handlers removed, nothing sent afterwards. */
export async function close(timeoutMs?: number): Promise<boolean> {
  const client = getClient();
  if (!client) return true;
  setClient(undefined);
  return client.close(timeoutMs);
}

export function setUser(user: User | null): void {
  getClient()?.scope.setUser(user);
}

export function setTag(key: string, value: TagValue): void {
  getClient()?.scope.setTag(key, value);
}

export function setTags(tags: Record<string, TagValue>): void {
  getClient()?.scope.setTags(tags);
}

/** A named context sent with every event (null removes it). */
export function setContext(name: string, value: Record<string, unknown> | null): void {
  getClient()?.scope.setContext(name, value);
}
