/**
 * bench:retention — the retention job on a database holding the 1M-occurrence bench:view workspace:
 * how long it takes, what it drops and deletes, which locks it holds, and what concurrent ingest and
 * dashboard reads see meanwhile.
 *
 *   DATABASE_URL=postgresql://…/faultline_bench npm run bench:retention
 *
 * It seeds its own workspace (BENCH_OCCURRENCES, default 1,000,000 over 30 days) unless
 * BENCH_WORKSPACE=<workspaceId>:<projectId> names a kept bench:view workspace, then runs the job at
 * an injected clock RETENTION_SHIFT_DAYS (default 75) days ahead: with the default 90-day retention,
 * the oldest 15 of the 30 days fall out. Everything older than that in the database is dropped too:
 * run it on a throwaway database.
 */
import { pool } from "@/lib/db/pool";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";
import { runRetention } from "@/lib/lifecycle/runRetention";
import { getErrorTracking } from "@/lib/analytics/getErrorTracking";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { defaultToStartDatabase, percentile } from "./benchEnv";
import { createBenchProject } from "./benchProject";
import { seedViewData } from "./seedViewData";

defaultToStartDatabase();
const SHIFT_DAYS = Number(process.env.RETENTION_SHIFT_DAYS ?? 75);
const log = (s: string) => console.log(s);

interface LockSample {
  mode: string;
  granted: boolean;
  relation: string;
}

async function main() {
  let target: { workspaceId: string; projectId: string };
  if (process.env.BENCH_WORKSPACE) {
    const [workspaceId, projectId] = process.env.BENCH_WORKSPACE.split(":");
    target = { workspaceId, projectId };
  } else {
    const occurrences = Number(process.env.BENCH_OCCURRENCES ?? 1_000_000);
    const project = await createBenchProject("retention");
    target = { workspaceId: project.workspaceId, projectId: project.projectId };
    log(`Seeding ${occurrences.toLocaleString("en-US")} occurrences over 30 days…`);
    await seedViewData(target, { occurrences, groups: 10_000, users: 5_000, agents: 200, days: 30 }, log);
  }
  const count = async () => Number((await pool().query(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [target.projectId])).rows[0].n);
  const before = await count();
  const now = new Date(Date.now() + SHIFT_DAYS * 86_400_000);
  log(`\nRetention at now + ${SHIFT_DAYS} days (${now.toISOString()}), ${before.toLocaleString("en-US")} occurrences in the workspace`);

  // Meanwhile: ingest (a batch of 10 every 50 ms) and the 24h view, timed; locks sampled every 50 ms.
  let running = true;
  const ingestMs: number[] = [];
  const viewMs: number[] = [];
  const locks = new Map<string, number>();
  const waits: LockSample[] = [];
  const ingest = (async () => {
    for (let i = 0; running; i++) {
      const events = Array.from({ length: 10 }, (_, j) => prepareEvent({ type: "BenchDuringRetention", message: `x ${i}-${j}`, eventId: `ret-${Date.now()}-${i}-${j}` } as never, new Date()));
      const t = performance.now();
      await storeEvents(target, events);
      ingestMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const reads = (async () => {
    while (running) {
      const t = performance.now();
      await getErrorTracking(target.workspaceId, TrackingQuerySchema.parse({ timeframe: "24h" }));
      viewMs.push(performance.now() - t);
    }
  })();
  const sampler = (async () => {
    const c = await pool().connect();
    try {
      while (running) {
        const { rows } = await c.query<LockSample>(
          `SELECT l.mode, l.granted, c.relname AS relation FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
           WHERE c.relname LIKE 'ErrorOccurrence%' AND c.relkind IN ('r', 'p') AND l.pid <> pg_backend_pid()`,
        );
        for (const r of rows) {
          const key = `${r.relation === "ErrorOccurrence" ? "ErrorOccurrence (parent)" : "a day partition"}: ${r.mode}`;
          locks.set(key, (locks.get(key) ?? 0) + 1);
          if (!r.granted) waits.push(r);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      c.release();
    }
  })();

  // A baseline of concurrent work first.
  while (ingestMs.length < 20) await new Promise((r) => setTimeout(r, 100));
  const baselineIngest = [...ingestMs];
  const started = performance.now();
  const run = await runRetention(now);
  const totalMs = performance.now() - started;
  running = false;
  await Promise.all([ingest, reads, sampler]);
  const after = await count();

  const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q).toFixed(1);
  log(`\nretention job: ${(totalMs / 1000).toFixed(2)} s`);
  for (const [step, ms] of Object.entries(run.timings)) log(`  ${step}: ${(ms / 1000).toFixed(2)} s`);
  log(`  partitions dropped: ${run.droppedPartitions.length}`);
  log(`  rows deleted: ${JSON.stringify(run.deleted)}`);
  log(`  workspace occurrences: ${before.toLocaleString("en-US")} → ${after.toLocaleString("en-US")}`);
  log(`locks seen on ErrorOccurrence* while it ran (sampled every 50 ms; count of samples):`);
  for (const [k, n] of [...locks].sort((a, b) => b[1] - a[1])) log(`  ${k} × ${n}`);
  log(`  lock waits observed: ${waits.length}${waits.length ? ` (${[...new Set(waits.map((w) => `${w.relation} ${w.mode}`))].join(", ")})` : ""}`);
  log(`concurrent ingest (batch of 10): baseline p50 ${p(baselineIngest, 50)} ms; during retention p50 ${p(ingestMs.slice(baselineIngest.length), 50)} / p99 ${p(ingestMs.slice(baselineIngest.length), 99)} / max ${p(ingestMs.slice(baselineIngest.length), 100)} ms`);
  log(`concurrent 24h view: p50 ${p(viewMs, 50)} / max ${p(viewMs, 100)} ms over ${viewMs.length} reads`);
  await pool().end();
}

main().catch(async (error) => {
  console.error(error);
  await pool().end().catch(() => undefined);
  process.exit(1);
});
