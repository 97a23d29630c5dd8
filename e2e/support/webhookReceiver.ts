import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The body exactly as received (what a signature covers). */
  raw: string;
  at: number;
}

export interface WebhookReceiver {
  /** Base URL; any path under it is accepted and recorded. */
  url: string;
  requests: ReceivedRequest[];
  /** Status to answer with for the nth request (0-based) to a path; default 200. */
  respondWith(fn: (path: string, nth: number) => number): void;
  /** Resolves with the matching requests once `count` of them arrived; rejects after timeoutMs. */
  waitFor(predicate: (r: ReceivedRequest) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A local HTTP endpoint standing in for Slack, PagerDuty and generic webhook receivers. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const perPath = new Map<string, number>();
  const listeners = new Set<() => void>();
  let policy: (path: string, nth: number) => number = () => 200;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const nth = perPath.get(path) ?? 0;
      perPath.set(path, nth + 1);
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      requests.push({ path, headers: req.headers, body, raw: text, at: Date.now() });
      const status = policy(path, nth);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: status < 300 ? "success" : "error" }));
      listeners.forEach((l) => l());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(fn) {
      policy = fn;
    },
    waitFor(predicate, count = 1, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = requests.filter(predicate);
          if (matching.length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(matching);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`webhook receiver: expected ${count} matching request(s), got ${requests.filter(predicate).length}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
