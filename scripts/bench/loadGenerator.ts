import http from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Latencies in ms, sorted. */
  latencies: number[];
  statuses: Map<number, number>;
  /** Requests answered with anything but 2xx (or not answered). */
  failures: number;
}

export interface LoadOptions {
  /**
   * Open loop: request i is due at start + i / ratePerSecond (at most `concurrency` in flight), and
   * its latency counts from when it was due, not from when a connection was free to send it — a
   * server that falls behind is charged for the wait (no coordinated omission). Without it, closed
   * loop: each of the `concurrency` senders sends again as soon as it has its answer.
   */
  ratePerSecond?: number;
}

/**
 * Sends `total` requests with `concurrency` in flight over keep-alive connections (node:http, the
 * cheapest client: the generator shares the machine's cores with the app and PostgreSQL).
 */
export async function generateLoad(baseUrl: string, total: number, concurrency: number, make: (i: number) => LoadRequest, options: LoadOptions = {}): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let failures = 0;
  let next = 0;
  const started = performance.now();

  const send = (req: LoadRequest) =>
    new Promise<number>((resolve) => {
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body) headers["content-length"] = req.body.length;
      const r = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      });
      r.on("error", () => resolve(0));
      r.end(req.body);
    });

  async function worker() {
    while (next < total) {
      const i = next++;
      const req = make(i);
      let t0 = performance.now();
      if (options.ratePerSecond) {
        const due = started + (i * 1000) / options.ratePerSecond;
        if (due > t0) await new Promise((resolve) => setTimeout(resolve, due - t0));
        t0 = due;
      }
      const status = await send(req);
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status < 200 || status > 299) failures++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: total, seconds, latencies: latencies.sort((a, b) => a - b), statuses, failures };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
