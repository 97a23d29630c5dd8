import type { FaultlineEvent } from "../core/types.js";
import { parseRetryAfter } from "./retryAfter.js";

/** What became of one request. */
export type SendResult =
  /** Answered 2xx: done (events the server refused as invalid are reported in its body and dropped). */
  | { kind: "ok"; status: number }
  /** Worth trying again later: 429, 503, other 5xx, 408, a timeout or a network error while online. */
  | { kind: "retry"; status?: number; retryAfterMs?: number; reason: string }
  /** The device is offline: wait for connectivity, do not count this as an attempt. */
  | { kind: "offline" }
  /** 413: the batch is too large. */
  | { kind: "tooLarge" }
  /** Refused for good (400, 401, 403, 415, 422…): trying again cannot help. */
  | { kind: "drop"; status: number; reason: string }
  /** The transport cancelled the request (`signal`): the events stay queued, no attempt used. */
  | { kind: "aborted" };

export interface Sender {
  /** POSTs one batch; `signal` lets the transport cancel the request (exit, close). */
  send(events: FaultlineEvent[], signal?: AbortSignal): Promise<SendResult>;
  /** Page hide: hands a body to the browser to send after the page is gone. False when it refused. */
  beacon?(events: FaultlineEvent[]): boolean;
}

/** Where queued events survive a reload (browsers: localStorage). */
export interface QueueStorage {
  load(): FaultlineEvent[];
  save(events: FaultlineEvent[]): void;
}

export interface Connectivity {
  isOnline(): boolean;
  /** Calls back when the device comes back online. */
  onOnline(callback: () => void): void;
}

export function resultOfStatus(status: number, retryAfter: string | null): SendResult {
  if (status >= 200 && status < 300) return { kind: "ok", status };
  if (status === 413) return { kind: "tooLarge" };
  if (status === 429 || status === 408 || status >= 500) {
    return { kind: "retry", status, retryAfterMs: parseRetryAfter(retryAfter), reason: `HTTP ${status}` };
  }
  return { kind: "drop", status, reason: `HTTP ${status}` };
}
