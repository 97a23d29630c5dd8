/**
 * npm run bench:ingest — the ingest path against its limits, in one run on this machine:
 *   1. limits: a bare node:http server (POST, 32 concurrent), and PostgreSQL alone (pgbench
 *      single-row and 100-row INSERTs on the app's own database);
 *   2. the request path: a trivial ingest request (no key → 401) through a Next.js route handler
 *      (fast path off) and through the fast path, each as a ratio of the bare server;
 *   3. the app (scripts/server.mjs, as `npm start` runs it): native single events (32 concurrent),
 *      Sentry envelopes (32 concurrent) and batches of 100 (4 concurrent): events/s, p50/p99,
 *      non-2xx, the ratio of each to its limits, and the app's peak RSS — answered once committed
 *      (INGEST_ACK=commit, the default), then again answered from the local log (INGEST_ACK=log,
 *      each phase timed until its last event is stored), and native singles from the log at a steady
 *      1,000/s (open loop): p50/p99 and how long the spool's appends (write + fdatasync) took;
 *   4. each statement of the ingest transaction, timed in-process.
 * It starts everything itself: a fresh embedded PostgreSQL (or BENCH_DATABASE_URL), the app (built
 * if needed). Knobs: BENCH_SCALE (1 = full run; 0.05 for a quick check), BENCH_PGBENCH_SECONDS (10),
 * BENCH_APP_PORT (3190), BENCH_PG_PORT (5470), BENCH_BARE_PORT (3191), BENCH_PGBENCH (pgbench path).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startBenchApp, startBenchDatabase, startChild, type BenchApp } from "@/scripts/bench/benchApp";
import { nativeEvent, sentryEnvelope } from "@/scripts/bench/ingestPayloads";
import { generateLoad, percentile, type LoadRequest, type LoadResult } from "@/scripts/bench/loadGenerator";
import { dropPgbenchTable, PGBENCH, runPgbench, type PgbenchResult } from "@/scripts/bench/pgbench";
import { profileStatements } from "@/scripts/bench/statementProfile";

const scale = Number(process.env.BENCH_SCALE ?? 1);
const n = (full: number, min = 50) => Math.max(min, Math.round(full * scale));
const pgbenchSeconds = Number(process.env.BENCH_PGBENCH_SECONDS ?? Math.max(5, Math.round(10 * Math.min(1, scale * 4))));
const appPort = Number(process.env.BENCH_APP_PORT ?? 3190);
const barePort = Number(process.env.BENCH_BARE_PORT ?? 3191);
const pgPort = Number(process.env.BENCH_PG_PORT ?? 5470);
const root = path.resolve(import.meta.dirname, "..", "..");

/** Events/s of the steady (open-loop) phase answered from the log: about half what the app takes at most. */
const STEADY_RATE = 1_000;
const json = { "content-type": "application/json" };
const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Waits until every event is stored: the app's spool is empty and the actor-fold job has taken every
 * pending per-user/agent count (ActorPending) into its rollups; seconds waited (0 when nothing was
 * left). Asks every 50 ms: each ask is a request through Next.js and a database ping, counted in
 * the phase's CPU.
 */
async function allStored(url: string): Promise<number> {
  const started = performance.now();
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    for (;;) {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { spool: { bytes: number } };
      if (health.spool.bytes === 0 && (await db.query(`SELECT 1 FROM "ActorPending" LIMIT 1`)).rowCount === 0) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.end();
  }
}

async function main() {
  fs.mkdirSync(path.join(root, ".faultline"), { recursive: true });
  console.log(`Faultline ingest benchmark — ${os.cpus().length} cores, load generator, app and PostgreSQL on the same machine, scale ${scale}\n`);
  const database = await startBenchDatabase(pgPort);
  process.env.DATABASE_URL = database.url;
  const stopAll: (() => Promise<void>)[] = [() => database.stop()];
  try {
    // 1. Limits.
    const bare = await startChild(path.join(import.meta.dirname, "bareServer.mjs"), [String(barePort)]);
    stopAll.push(async () => void bare.kill());
    const sample = Buffer.from(JSON.stringify(nativeEvent(0)));
    await generateLoad(`http://127.0.0.1:${barePort}`, n(2_000), 32, () => ({ method: "POST", path: "/api/v1/events", headers: json, body: sample }));
    const bareRun = await generateLoad(`http://127.0.0.1:${barePort}`, n(40_000, 500), 32, () => ({ method: "POST", path: "/api/v1/events", headers: json, body: sample }));
    bare.kill();
    const bareRps = bareRun.requests / bareRun.seconds;
    let single: PgbenchResult | null = null;
    let hundred: PgbenchResult | null = null;
    if (fs.existsSync(PGBENCH)) {
      single = await runPgbench(database.url, 1, 32, pgbenchSeconds);
      hundred = await runPgbench(database.url, 100, 4, pgbenchSeconds);
      await dropPgbenchTable(database.url);
    }
    console.log("Limits");
    console.log(`  bare node:http POST, 32 concurrent        ${fmt(bareRps).padStart(8)} req/s   p50 ${fmt(percentile(bareRun.latencies, 50), 1)} ms, p99 ${fmt(percentile(bareRun.latencies, 99), 1)} ms`);
    if (single && hundred) {
      console.log(`  PostgreSQL single-row INSERT, 32 clients  ${fmt(single.rowsPerSecond).padStart(8)} rows/s  (pgbench, ${pgbenchSeconds} s)`);
      console.log(`  PostgreSQL 100-row INSERT, 4 clients      ${fmt(hundred.rowsPerSecond).padStart(8)} rows/s  (pgbench, ${pgbenchSeconds} s)`);
    } else {
      console.log(`  pgbench not found at ${PGBENCH} (set BENCH_PGBENCH): PostgreSQL limits skipped`);
    }

    // 2. The request path: Next.js route handler vs the fast path, on a request that does no work.
    const noKey = (): LoadRequest => ({ method: "POST", path: "/api/v1/events", headers: json, body: sample });
    const viaNext = await startBenchApp(database.url, appPort, { fastPath: false });
    await generateLoad(viaNext.url, n(1_000), 32, noKey);
    const nextRun = await generateLoad(viaNext.url, n(6_000, 300), 32, noKey);
    await viaNext.stop();
    const app = await startBenchApp(database.url, appPort, { fastPath: true, env: { INGEST_ACK: "commit" } });
    stopAll.push(() => app.stop());
    await generateLoad(app.url, n(1_000), 32, noKey);
    const fastRun = await generateLoad(app.url, n(20_000, 500), 32, noKey);
    console.log("\nRequest path (POST /api/v1/events without a key → 401, 32 concurrent)");
    for (const [label, run] of [["Next.js route handler", nextRun], ["fast path (node:http)", fastRun]] as const) {
      const rps = run.requests / run.seconds;
      console.log(`  ${label.padEnd(24)} ${fmt(rps).padStart(8)} req/s = ${fmt(rps / bareRps, 2)} × bare node:http   p99 ${fmt(percentile(run.latencies, 99), 1)} ms`);
    }

    // 3. Ingest through the app.
    const { createBenchProject } = await import("@/scripts/bench/benchProject");
    const project = await createBenchProject("bench-ingest");
    const keyed = { ...json, "x-faultline-key": project.key };
    let offset = 0;
    const singles = (i: number): LoadRequest => ({ method: "POST", path: "/api/v1/events", headers: keyed, body: Buffer.from(JSON.stringify(nativeEvent(offset + i))) });
    const envelopes = (i: number): LoadRequest => ({ method: "POST", path: `/api/${project.publicId}/envelope/?sentry_key=${project.key}&sentry_version=7`, body: sentryEnvelope(offset + i) });
    const batches = (i: number): LoadRequest => ({
      method: "POST",
      path: "/api/v1/events",
      headers: keyed,
      body: Buffer.from(JSON.stringify(Array.from({ length: 100 }, (_, j) => nativeEvent(offset + i * 100 + j)))),
    });
    const phase = async (app: BenchApp, make: (i: number) => LoadRequest, total: number, concurrency: number, perRequest: number) => {
      await generateLoad(app.url, Math.max(concurrency * 4, Math.round(total / 20)), concurrency, make); // warm-up
      await allStored(app.url);
      offset += 1_000_000;
      const tx = await app.histogram("faultline_ingest_transaction_events");
      const cpu = { app: app.cpuSeconds(), db: database.cpuSeconds(), generator: process.cpuUsage() };
      const loaded = await generateLoad(app.url, total, concurrency, make);
      // Answered from the log (INGEST_ACK=log), events are stored after their answers, and per-user
      // counts are folded after the commit in either mode: the phase ends when both are done, so
      // events/s and CPU count what was stored, not only answered.
      const drainSeconds = await allStored(app.url);
      const run = { ...loaded, seconds: loaded.seconds + drainSeconds };
      const txAfter = await app.histogram("faultline_ingest_transaction_events");
      const events = run.requests * perRequest;
      const dbCpu = database.cpuSeconds();
      const generator = process.cpuUsage(cpu.generator);
      const cpuMsPerEvent = {
        app: ((app.cpuSeconds() - cpu.app) * 1000) / events,
        db: dbCpu === null || cpu.db === null ? NaN : ((dbCpu - cpu.db) * 1000) / events,
        generator: (generator.user + generator.system) / 1000 / events,
      };
      offset += 1_000_000;
      const eventsPerTransaction = (txAfter.sum - tx.sum) / Math.max(1, txAfter.count - tx.count);
      return { run, drainSeconds, eventsPerSecond: events / run.seconds, cpuMsPerEvent, eventsPerTransaction };
    };
    const phases = async (app: BenchApp) => [
      { mode: "native single", concurrency: 32, perRequest: 1, limit: single, aim: { eps: 2_000, p99: 50 }, ...(await phase(app, singles, n(30_000, 500), 32, 1)) },
      { mode: "Sentry envelope", concurrency: 32, perRequest: 1, limit: single, aim: { eps: 2_000 }, ...(await phase(app, envelopes, n(30_000, 500), 32, 1)) },
      { mode: "batch of 100", concurrency: 4, perRequest: 100, limit: hundred, aim: { eps: 10_000 }, ...(await phase(app, batches, n(600, 20), 4, 100)) },
    ];
    const report = (title: string, results: Awaited<ReturnType<typeof phases>>, memory: { peakMb: number; nowMb: number }) => {
      console.log(`\n${title}`);
      console.log("  mode             conc  requests   events/s   p50 ms   p99 ms  non-2xx  vs node:http  vs PostgreSQL  aim");
      for (const r of results) print(r, bareRps);
      console.log("\n  CPU per event (ms; the machine-independent cost: events/s ≈ cores × 1000 / sum, when nothing else runs)");
      for (const r of results) {
        const c = r.cpuMsPerEvent;
        console.log(
          `  ${r.mode.padEnd(16)} app ${fmt(c.app, 3)}, PostgreSQL ${Number.isNaN(c.db) ? "n/a" : fmt(c.db, 3)}, load generator ${fmt(c.generator, 3)}; ` +
            `${fmt(r.eventsPerTransaction, 1)} events per ingest transaction (group commit)` +
            (r.drainSeconds > 0.05 ? `; stored and folded ${fmt(r.drainSeconds, 2)} s after the last answer` : ""),
        );
      }
      console.log(`\n  App memory: peak RSS ${fmt(memory.peakMb)} MB (aim < 300 MB: ${memory.peakMb < 300 ? "met" : "not met"}), now ${fmt(memory.nowMb)} MB`);
    };
    report(`Ingest, answered once committed (INGEST_ACK=commit, the default; the app as npm start runs it; ${project.projectId})`, await phases(app), app.memory());
    await app.stop();
    // The same load answered from the local log (fsync'ed), stored by the replayer in large transactions.
    const logApp = await startBenchApp(database.url, appPort, { fastPath: true, env: { INGEST_ACK: "log" } });
    stopAll.push(() => logApp.stop());
    report("Ingest, answered from the local log (INGEST_ACK=log; events/s until every event is stored)", await phases(logApp), logApp.memory());
    // The latency at a rate well below the most the app takes: open loop, each request due at its
    // time and its latency counted from then (a server falling behind is charged for the wait).
    const appendsBefore = await logApp.histogram("faultline_spool_append_seconds");
    const steady = await generateLoad(logApp.url, n(20_000, 500), 32, singles, { ratePerSecond: STEADY_RATE });
    const appends = await logApp.histogram("faultline_spool_append_seconds");
    await allStored(logApp.url);
    const within = (le: number) => (appends.buckets.get(le)! - appendsBefore.buckets.get(le)!) / Math.max(1, appends.count - appendsBefore.count);
    console.log(`\n  native single at a steady ${fmt(STEADY_RATE)}/s (open loop): p50 ${fmt(percentile(steady.latencies, 50), 1)} ms, p99 ${fmt(percentile(steady.latencies, 99), 1)} ms, non-2xx ${steady.failures}`);
    console.log(
      `  spool appends (write + fdatasync, shared by concurrent appends) within 5 / 10 / 25 / 50 / 100 ms: ` +
        [0.005, 0.01, 0.025, 0.05, 0.1].map((le) => `${fmt(within(le) * 100, 1)} %`).join(" / "),
    );
    await logApp.stop();

    // 4. The ingest transaction, statement by statement.
    const profiles = await profileStatements({ workspaceId: project.workspaceId, projectId: project.projectId }, [1, 32, 100], Math.max(5, n(40, 5)));
    console.log("\nIngest transaction, in-process (ms per transaction; prepare = scrub, parse, classify, fingerprint)");
    for (const p of profiles) {
      const parts = p.statements.map((s) => `${s.statement} ${fmt(s.avgMs, 2)}`).join(", ");
      console.log(`  ${String(p.events).padStart(3)} events: total ${fmt(p.totalMs, 2)} (${fmt(p.totalMs / p.events, 3)}/event) — ${parts}; prepare ${fmt(p.prepareMsPerEvent, 3)}/event`);
    }
  } finally {
    for (const stop of stopAll.reverse()) await stop().catch(() => undefined);
  }
}

function print(
  r: { mode: string; concurrency: number; perRequest: number; limit: PgbenchResult | null; aim: { eps: number; p99?: number }; run: LoadResult; eventsPerSecond: number },
  bareRps: number,
) {
  const p50 = percentile(r.run.latencies, 50);
  const p99 = percentile(r.run.latencies, 99);
  const vsHttp = r.run.requests / r.run.seconds / bareRps;
  const vsDb = r.limit ? r.eventsPerSecond / r.limit.rowsPerSecond : NaN;
  const met = r.eventsPerSecond >= r.aim.eps && (r.aim.p99 === undefined || p99 < r.aim.p99) && r.run.failures === 0;
  const aim = `≥ ${fmt(r.aim.eps)}/s${r.aim.p99 ? `, p99 < ${r.aim.p99} ms` : ""}, no non-2xx: ${met ? "met" : "not met"}`;
  console.log(
    `  ${r.mode.padEnd(16)} ${String(r.concurrency).padStart(4)} ${fmt(r.run.requests).padStart(9)} ${fmt(r.eventsPerSecond).padStart(10)} ${fmt(p50, 1).padStart(8)} ${fmt(p99, 1).padStart(8)} ${String(r.run.failures).padStart(8)}` +
      `  ${fmt(vsHttp, 2).padStart(12)}  ${(Number.isNaN(vsDb) ? "n/a" : fmt(vsDb, 2)).padStart(13)}  ${aim}`,
  );
  if (r.run.failures > 0) console.log(`    statuses: ${[...r.run.statuses.entries()].map(([s, c]) => `${s || "no answer"}×${c}`).join(", ")}`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
