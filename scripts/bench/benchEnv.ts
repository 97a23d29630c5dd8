/**
 * Shared setup for benchmarks: an app to hit (BENCH_URL, or `npm start` must be running on
 * 127.0.0.1:3000) and a fresh tenant created through lib code against DATABASE_URL (default: the
 * embedded database `npm start` uses).
 */
import fs from "node:fs";
import path from "node:path";

export const BENCH_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3000";

export function defaultToStartDatabase(): void {
  process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:5460/faultline";
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function demoKey(): string | undefined {
  const file = path.join(process.cwd(), ".faultline", "demo.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).ingestKey : undefined;
}

/** Runs `task` `total` times with at most `concurrency` in flight; returns per-call latencies (ms). */
export async function runPool(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  async function worker() {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      await task(i);
      latencies.push(performance.now() - start);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}
