import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedEnvelope {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  header: Record<string, unknown>;
  items: { header: Record<string, unknown>; payload: Record<string, unknown> }[];
}

export interface SentryCaptureServer {
  /** DSN of a project on this server: `http://<publicKey>@127.0.0.1:<port>/<projectId>`. */
  dsn(publicKey: string, projectId: string): string;
  envelopes: CapturedEnvelope[];
  /** Status for the nth envelope (0-based); default 200. */
  respondWith(fn: (nth: number) => number): void;
  waitFor(count: number, timeoutMs?: number): Promise<CapturedEnvelope[]>;
  close(): Promise<void>;
}

/**
 * Stands in for a Sentry server: accepts POST /api/<project>/envelope/ and parses the envelope the
 * way the protocol defines it (header line; per item a header line with the payload's byte length,
 * then exactly that many bytes), independently of Faultline's own parser.
 */
export async function startSentryCaptureServer(): Promise<SentryCaptureServer> {
  const envelopes: CapturedEnvelope[] = [];
  const listeners = new Set<() => void>();
  let policy: (nth: number) => number = () => 200;
  let nth = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://capture.local");
      if (req.method !== "POST" || !/^\/api\/[^/]+\/envelope\/$/.test(url.pathname)) {
        res.writeHead(404);
        return res.end();
      }
      try {
        envelopes.push({ path: url.pathname, query: url.searchParams, headers: req.headers, ...parse(Buffer.concat(chunks)) });
      } catch (error) {
        res.writeHead(400, { "content-type": "application/json" });
        return res.end(JSON.stringify({ detail: String(error) }));
      }
      const status = policy(nth++);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status < 300 ? { id: envelopes.at(-1)?.header.event_id } : { detail: "try later" }));
      listeners.forEach((l) => l());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    dsn: (publicKey, projectId) => `http://${publicKey}@127.0.0.1:${port}/${projectId}`,
    envelopes,
    respondWith(fn) {
      policy = fn;
      nth = 0;
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (envelopes.length < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(envelopes);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`sentry capture: expected ${count} envelope(s), got ${envelopes.length}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parse(body: Buffer): Pick<CapturedEnvelope, "header" | "items"> {
  let pos = 0;
  const line = () => {
    const nl = body.indexOf(0x0a, pos);
    const end = nl === -1 ? body.length : nl;
    const text = body.subarray(pos, end).toString("utf8");
    pos = end + 1;
    return text;
  };
  const header = JSON.parse(line()) as Record<string, unknown>;
  const items: CapturedEnvelope["items"] = [];
  while (pos < body.length) {
    const text = line();
    if (!text.trim()) continue;
    const itemHeader = JSON.parse(text) as Record<string, unknown>;
    const length = itemHeader.length;
    if (typeof length !== "number") throw new Error("item without length");
    const payload = body.subarray(pos, pos + length);
    if (payload.length !== length) throw new Error("payload shorter than its length");
    pos += length + 1;
    items.push({ header: itemHeader, payload: JSON.parse(payload.toString("utf8")) as Record<string, unknown> });
  }
  return { header, items };
}
