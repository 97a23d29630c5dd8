import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with the nth request (0-based). */
export type FaultAction =
  /** Pass it to the app and relay the answer. */
  | { kind: "forward" }
  /** Answer this status without asking the app (e.g. 503 or 429 with Retry-After). */
  | { kind: "fail"; status: number; retryAfter?: string }
  /** Pass it to the app (which stores the events) but answer 503: the client never learns it worked. */
  | { kind: "loseAnswer" };

export interface SeenRequest {
  at: number;
  method: string;
  path: string;
  eventIds: string[];
  answered: number;
}

export interface FaultProxy {
  url: string;
  requests: SeenRequest[];
  setPolicy(policy: (nth: number, req: http.IncomingMessage) => FaultAction): void;
  close(): Promise<void>;
}

/**
 * A local HTTP proxy in front of the app that fails requests on purpose: the test decides, per
 * request, to forward it, answer an error itself, or forward it and lose the answer. Records the
 * event ids of every body it saw. CORS-transparent, so browser pages can use it as their endpoint.
 */
export async function startFaultProxy(targetUrl: string, port = 0): Promise<FaultProxy> {
  const requests: SeenRequest[] = [];
  let policy: (nth: number, req: http.IncomingMessage) => FaultAction = () => ({ kind: "forward" });
  let nth = 0;
  const target = new URL(targetUrl);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "retry-after" };
      if (req.method === "OPTIONS") {
        res.writeHead(204, { ...cors, "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "*" });
        return res.end();
      }
      const action = policy(nth++, req);
      const seen: SeenRequest = { at: Date.now(), method: req.method ?? "GET", path: req.url ?? "/", eventIds: eventIdsOf(body), answered: 0 };
      requests.push(seen);
      if (action.kind === "fail") {
        seen.answered = action.status;
        res.writeHead(action.status, { ...cors, "content-type": "application/json", ...(action.retryAfter && { "retry-after": action.retryAfter }) });
        return res.end(JSON.stringify({ error: { code: "injected", message: `injected ${action.status}` } }));
      }
      try {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers[name] = value;
        }
        const upstream = await fetch(new URL(req.url ?? "/", target), { method: req.method, headers, body: req.method === "GET" ? undefined : body });
        const text = await upstream.text();
        if (action.kind === "loseAnswer") {
          seen.answered = 503;
          res.writeHead(503, { ...cors, "content-type": "application/json" });
          return res.end(JSON.stringify({ error: { code: "injected", message: "answer lost on purpose" } }));
        }
        seen.answered = upstream.status;
        res.writeHead(upstream.status, { ...cors, "content-type": upstream.headers.get("content-type") ?? "application/json" });
        res.end(text);
      } catch {
        seen.answered = 502;
        res.writeHead(502, cors);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    setPolicy(p) {
      policy = p;
      nth = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function eventIdsOf(body: Buffer): string[] {
  try {
    const json = JSON.parse(body.toString("utf8")) as { events?: { eventId?: string }[] } | { eventId?: string }[];
    const events = Array.isArray(json) ? json : (json.events ?? []);
    return events.map((e) => e.eventId ?? "");
  } catch {
    return [];
  }
}
