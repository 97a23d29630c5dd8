import { utf8Length } from "../core/size.js";
import type { FaultlineEvent } from "../core/types.js";
import { resultOfStatus, type Connectivity, type Sender, type SendResult } from "./sender.js";

/**
 * Bodies up to this many bytes are sent with `keepalive` (they outlive the page). Browsers allow
 * 64 KiB of keepalive bodies in flight per page, counted in bytes: UTF-8, not string length.
 */
export const KEEPALIVE_MAX_BYTES = 60_000;

export interface FetchSenderOptions {
  url: string;
  key: string;
  /**
   * "header": JSON with the key in X-Faultline-Key (Node). "query": the key in `?key=` and a
   * text/plain body (browsers): a CORS "simple request" with no preflight, and the only form
   * sendBeacon can send, since it cannot set headers.
   */
  auth: "header" | "query";
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  connectivity?: Connectivity;
  timeoutMs?: number;
}

/** POST /api/v1/events with fetch (Node 18+ and browsers). */
export function createFetchSender(options: FetchSenderOptions): Sender {
  const endpoint = `${options.url}/api/v1/events`;
  const queryUrl = `${endpoint}?key=${encodeURIComponent(options.key)}`;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  return {
    async send(events: FaultlineEvent[], signal?: AbortSignal): Promise<SendResult> {
      const body = JSON.stringify({ events });
      const init: RequestInit =
        options.auth === "header"
          ? { method: "POST", body, headers: { "content-type": "application/json", "x-faultline-key": options.key, ...options.headers } }
          : { method: "POST", body, headers: { "content-type": "text/plain;charset=UTF-8" }, credentials: "omit", keepalive: utf8Length(body) <= KEEPALIVE_MAX_BYTES };
      const controller = typeof AbortController === "function" ? new AbortController() : undefined;
      const cancel = () => controller?.abort();
      signal?.addEventListener("abort", cancel);
      const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000) : undefined;
      const post = (keepalive: boolean | undefined) => doFetch(options.auth === "header" ? endpoint : queryUrl, { ...init, keepalive, signal: controller?.signal });
      try {
        let res: Response;
        try {
          res = await post(init.keepalive);
        } catch (error) {
          // A keepalive request the browser refuses (its quota is shared with the page's other
          // keepalive requests) fails with a TypeError: the same attempt goes again without it.
          if (!init.keepalive || !(error instanceof TypeError) || controller?.signal.aborted || (options.connectivity && !options.connectivity.isOnline())) throw error;
          res = await post(false);
        }
        // The answer's body is not needed; reading it releases the connection.
        await res.text().catch(() => undefined);
        return resultOfStatus(res.status, res.headers.get("retry-after"));
      } catch (error) {
        if (signal?.aborted) return { kind: "aborted" };
        if (options.connectivity && !options.connectivity.isOnline()) return { kind: "offline" };
        const aborted = controller?.signal.aborted;
        return { kind: "retry", reason: aborted ? "request timed out" : `network error: ${error instanceof Error ? error.message : String(error)}` };
      } finally {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", cancel);
      }
    },

    beacon(events: FaultlineEvent[]): boolean {
      const nav = (globalThis as { navigator?: Navigator }).navigator;
      if (!nav || typeof nav.sendBeacon !== "function") return false;
      const blob = new Blob([JSON.stringify({ events })], { type: "text/plain;charset=UTF-8" });
      try {
        return nav.sendBeacon(queryUrl, blob);
      } catch {
        return false;
      }
    },
  };
}
