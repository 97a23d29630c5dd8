/**
 * npm run bench:ingest — events/s and p50/p99 latency of POST /api/v1/events, single events and
 * batches of 100, at several concurrencies, against a running app (`npm start` first).
 */
import { BENCH_URL, percentile, runPool, defaultToStartDatabase } from "@/scripts/bench/benchEnv";

defaultToStartDatabase();
const { createBenchProject } = await import("@/scripts/bench/benchProject");

const TYPES = ["TypeError", "DatabaseError", "TimeoutError", "ValidationError", "AuthError", "PaymentError"];

function event(i: number) {
  const type = TYPES[i % TYPES.length];
  return {
    type,
    message: `${type} while handling request ${i} for user ${i % 997}`,
    stackTrace: `${type}: boom\n    at handler${i % 40} (/srv/app/src/routes/r${i % 40}.ts:${10 + (i % 7)}:5)\n    at main (/srv/app/src/index.ts:3:1)`,
    userId: `user-${i % 5000}`,
    agentId: `agent-${i % 200}`,
    environment: "production",
  };
}

async function post(key: string, body: unknown) {
  const res = await fetch(`${BENCH_URL}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": key },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

async function main() {
  const { key } = await createBenchProject("bench-ingest");
  console.log(`Ingest benchmark against ${BENCH_URL}\n`);
  console.log("mode            concurrency   requests   events/s   p50 ms   p99 ms");
  let offset = 0;
  for (const concurrency of [1, 4, 16, 32]) {
    const requests = concurrency * 60;
    const start = performance.now();
    const base = offset;
    const lat = await runPool(requests, concurrency, (i) => post(key, event(base + i)));
    offset += requests;
    const seconds = (performance.now() - start) / 1000;
    print("single", concurrency, requests, requests / seconds, lat);
  }
  for (const concurrency of [1, 4, 8]) {
    const requests = concurrency * 10;
    const batch = 100;
    const start = performance.now();
    const base = offset;
    const lat = await runPool(requests, concurrency, (i) => post(key, Array.from({ length: batch }, (_, j) => event(base + i * batch + j))));
    offset += requests * batch;
    const seconds = (performance.now() - start) / 1000;
    print(`batch of ${batch}`, concurrency, requests, (requests * batch) / seconds, lat);
  }
  process.exit(0);
}

function print(mode: string, concurrency: number, requests: number, eps: number, lat: number[]) {
  console.log(
    `${mode.padEnd(16)}${String(concurrency).padStart(11)}${String(requests).padStart(11)}${eps.toFixed(0).padStart(11)}` +
      `${percentile(lat, 50).toFixed(1).padStart(9)}${percentile(lat, 99).toFixed(1).padStart(9)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
