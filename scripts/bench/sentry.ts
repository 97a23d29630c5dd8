/**
 * npm run bench:sentry — envelopes/s and latency of POST /api/<id>/envelope/ with 32 concurrent
 * senders, each envelope one SDK-shaped error event (some gzip-compressed, as @sentry/node sends
 * bodies over 32 KiB), against a running app (`npm start` first).
 */
import { randomUUID } from "node:crypto";
import zlib from "node:zlib";
import { BENCH_URL, defaultToStartDatabase, percentile, runPool } from "@/scripts/bench/benchEnv";

defaultToStartDatabase();
const { createBenchProject } = await import("@/scripts/bench/benchProject");

const TYPES = ["TypeError", "ReferenceError", "RangeError", "SyntaxError"];

function envelopeFor(i: number): { body: Uint8Array; gzip: boolean } {
  const eventId = randomUUID().replaceAll("-", "");
  const type = TYPES[i % TYPES.length];
  const event = {
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "node",
    level: "error",
    environment: "production",
    release: "bench@1.0.0",
    user: { id: `user-${i % 5000}` },
    tags: { agent_id: `agent-${i % 200}` },
    exception: {
      values: [
        {
          type,
          value: `${type} in handler ${i % 50} for request ${i}`,
          mechanism: { type: "generic", handled: true },
          stacktrace: {
            frames: [
              { filename: "node:internal/process/task_queues", function: "processTicksAndRejections", lineno: 95, in_app: false },
              { filename: "/srv/app/src/server.js", function: "handle", lineno: 20 + (i % 3), colno: 5, in_app: true },
              { filename: `/srv/app/src/routes/r${i % 50}.js`, function: `route${i % 50}`, lineno: 10, colno: 7, in_app: true },
            ],
          },
        },
      ],
    },
    breadcrumbs: Array.from({ length: 10 }, (_, b) => ({ timestamp: Date.now() / 1000, category: "http", message: `GET /api/items/${b}` })),
    contexts: { runtime: { name: "node", version: "v20.20.2" }, os: { name: "Linux" } },
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  };
  const payload = JSON.stringify(event);
  const raw = Buffer.from(`${JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString() })}\n${JSON.stringify({ type: "event", length: Buffer.byteLength(payload) })}\n${payload}\n`);
  const gzip = i % 4 === 0;
  return { body: new Uint8Array(gzip ? zlib.gzipSync(raw) : raw), gzip };
}

async function main() {
  const { key, publicId } = await createBenchProject("bench-sentry");
  const url = `${BENCH_URL}/api/${publicId}/envelope/?sentry_key=${key}&sentry_version=7`;
  const total = Number(process.env.BENCH_ENVELOPES ?? 3000);
  const concurrency = 32;
  // Warm-up: the first requests compile routes and open database connections.
  await runPool(64, 8, (i) => send(url, i));
  const start = performance.now();
  const latencies = await runPool(total, concurrency, (i) => send(url, 100 + i));
  const seconds = (performance.now() - start) / 1000;
  console.log(`Sentry envelope benchmark against ${BENCH_URL}`);
  console.log(`senders ${concurrency}, envelopes ${total} (1 event each, 1 in 4 gzip)`);
  console.log(`throughput ${(total / seconds).toFixed(0)} envelopes/s (= events/s)`);
  console.log(`latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  process.exit(0);
}

async function send(url: string, i: number) {
  const { body, gzip } = envelopeFor(i);
  const res = await fetch(url, { method: "POST", body: body as BodyInit, headers: gzip ? { "content-encoding": "gzip" } : {} });
  if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
