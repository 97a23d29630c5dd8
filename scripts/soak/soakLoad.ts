/**
 * The request mix of `npm run soak`: what a small production installation sees. Each operation is
 * one HTTP request; a worker picks the next one by weight.
 */
import { randomUUID } from "node:crypto";
import zlib from "node:zlib";

export interface SoakTarget {
  url: string;
  key: string;
  publicId: number;
  workspaceId: string;
  cookie: string;
}

export interface Operation {
  name: string;
  weight: number;
  run: (target: SoakTarget, i: number, known: KnownGroups) => Promise<Response>;
}

/** Group ids the load has created, for the details and triage requests. */
export class KnownGroups {
  private ids: string[] = [];
  add(id: string | undefined) {
    if (id && this.ids.length < 500 && !this.ids.includes(id)) this.ids.push(id);
  }
  pick(i: number): string | undefined {
    return this.ids.length ? this.ids[i % this.ids.length] : undefined;
  }
}

const TYPES = ["TypeError", "ReferenceError", "TimeoutError", "DatabaseError", "ValidationError", "RateLimitError", "KeyError", "NullPointerException"];
const STATUSES = ["acknowledged", "investigating", "resolved", "ignored", "new"];

function nativeEvent(i: number) {
  const type = TYPES[i % TYPES.length];
  return {
    type,
    message: `${type} while handling order ${i} for user ${i % 997}`,
    severity: ["low", "medium", "high", "critical"][i % 4 === 0 ? 3 : i % 3],
    userId: `user-${i % 2000}`,
    agentId: `agent-${i % 40}`,
    environment: i % 5 === 0 ? "staging" : "production",
    release: `shop@1.${i % 7}.0`,
    tags: { region: ["eu", "us", "ap"][i % 3] },
    stackTrace: `${type}: failed\n    at handler${i % 60} (/srv/app/src/routes/r${i % 60}.js:${10 + (i % 5)}:7)\n    at process (/srv/app/src/server.js:20:5)`,
  };
}

function envelope(i: number): Uint8Array<ArrayBuffer> {
  const eventId = randomUUID().replaceAll("-", "");
  const type = TYPES[(i + 3) % TYPES.length];
  const payload = JSON.stringify({
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "node",
    level: i % 10 === 0 ? "fatal" : "error",
    environment: "production",
    release: "api@2.0.0",
    user: { id: `user-${i % 1500}` },
    exception: { values: [{ type, value: `${type} in job ${i % 80}`, stacktrace: { frames: [{ filename: `/srv/api/jobs/j${i % 80}.js`, function: `job${i % 80}`, lineno: 12, colno: 3, in_app: true }] } }] },
    breadcrumbs: Array.from({ length: 5 }, (_, b) => ({ timestamp: Date.now() / 1000, category: "http", message: `GET /api/items/${b}` })),
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  });
  const raw = Buffer.from(`${JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString() })}\n${JSON.stringify({ type: "event" })}\n${payload}\n`);
  return new Uint8Array(i % 4 === 0 ? zlib.gzipSync(raw) : raw);
}

const json = (target: SoakTarget, body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-faultline-key": target.key },
  body: JSON.stringify(body),
});

export const OPERATIONS: Operation[] = [
  {
    name: "native event",
    weight: 40,
    run: (t, i) => fetch(`${t.url}/api/v1/events`, json(t, nativeEvent(i))),
  },
  {
    name: "native batch (20)",
    weight: 4,
    run: (t, i) => fetch(`${t.url}/api/v1/events`, json(t, Array.from({ length: 20 }, (_, k) => nativeEvent(i * 20 + k)))),
  },
  {
    name: "sentry envelope",
    weight: 30,
    run: (t, i) =>
      fetch(`${t.url}/api/${t.publicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, {
        method: "POST",
        headers: i % 4 === 0 ? { "content-encoding": "gzip" } : {},
        body: envelope(i),
      }),
  },
  {
    name: "executions",
    weight: 4,
    run: (t, i) => fetch(`${t.url}/api/v1/executions`, json(t, { agentId: `agent-${i % 40}`, ok: 20, failed: i % 3 })),
  },
  {
    name: "dashboard view",
    weight: 8,
    run: (t, i) =>
      fetch(`${t.url}/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=${["1h", "24h", "7d"][i % 3]}`, { headers: { cookie: t.cookie } }),
  },
  {
    name: "error list",
    weight: 6,
    run: (t, i) => fetch(`${t.url}/api/v1/errors?workspaceId=${t.workspaceId}&sort=${["lastSeen", "occurrences"][i % 2]}&page=${1 + (i % 3)}`, { headers: { cookie: t.cookie } }),
  },
  {
    name: "error details",
    weight: 4,
    run: (t, i, known) => fetch(`${t.url}/api/v1/errors/${known.pick(i) ?? randomUUID()}`, { headers: { cookie: t.cookie } }),
  },
  {
    name: "triage",
    weight: 4,
    run: (t, i, known) =>
      fetch(`${t.url}/api/v1/errors/${known.pick(i * 7) ?? randomUUID()}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", cookie: t.cookie },
        body: JSON.stringify({ status: STATUSES[i % STATUSES.length], ...(i % 5 === 2 && { resolution: "fixed in soak" }) }),
      }),
  },
];

export function pickOperation(roll: number): Operation {
  const total = OPERATIONS.reduce((sum, op) => sum + op.weight, 0);
  let at = roll * total;
  for (const op of OPERATIONS) {
    at -= op.weight;
    if (at < 0) return op;
  }
  return OPERATIONS[0];
}
