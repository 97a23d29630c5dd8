/**
 * npm run soak — mixed load for SOAK_MINUTES (default 10): native single events and batches, Sentry
 * envelopes, execution counts, dashboard views, error lists, details and triage (PATCH), from
 * SOAK_CONCURRENCY (8) workers. Every SOAK_SAMPLE_SECONDS (60) it prints requests, error counts
 * (4xx, 5xx, failed connections), p50/p99 latency and the app's resident memory (process tree);
 * at the end a per-operation summary and the RSS trend (least-squares slope after the first sample).
 *
 * By default it starts its own embedded PostgreSQL (fresh, in .faultline/soakpg-<port>) and app on
 * SOAK_PORT (3190), building first when sources changed; with SOAK_URL (and SOAK_PID for memory) it
 * loads an app that is already running (DATABASE_URL must then name its database). Exits 1 when any
 * request was answered 5xx or failed to connect.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { KnownGroups, OPERATIONS, pickOperation, type SoakTarget } from "@/scripts/soak/soakLoad";
import { slope, treeRssBytes } from "@/scripts/soak/processRss";
import { logOutput } from "@/scripts/serverProcess.mjs";

const root = path.resolve(import.meta.dirname, "..");
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_SECONDS ?? 60) * 1000;
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const PORT = Number(process.env.SOAK_PORT ?? 3190);
const PG_PORT = Number(process.env.SOAK_PG_PORT ?? 5590);

interface Window {
  latencies: number[];
  status: { ok: number; c4: number; c5: number; failed: number };
  byOp: Map<string, { latencies: number[]; c5: number; c4: number; failed: number }>;
}

const newWindow = (): Window => ({ latencies: [], status: { ok: 0, c4: 0, c5: 0, failed: 0 }, byOp: new Map() });

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startOwnApp(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const { startEmbeddedPostgres } = await import("./embeddedDb.mjs");
  const { bin, run } = await import("./run.mjs");
  const { needsBuild } = await import("./needsBuild.mjs");
  const dataDir = path.join(root, ".faultline", `soakpg-${PG_PORT}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir, port: PG_PORT, database: "faultline_soak" });
  const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1", FAULTLINE_SECRET_KEY: process.env.FAULTLINE_SECRET_KEY ?? randomBytes(32).toString("hex") };
  process.env.DATABASE_URL = database.url;
  process.env.FAULTLINE_SECRET_KEY = env.FAULTLINE_SECRET_KEY;
  await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  if (needsBuild(root)) await run(bin("next"), ["build"], { cwd: root, env });
  const app: ChildProcess = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(PORT)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  logOutput(app, path.join(root, ".faultline", `soak-app-${PORT}.log`));
  const url = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error("the app did not become healthy in 60 s");
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: app.pid!,
    stop: async () => {
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
      await database.stop();
    },
  };
}

async function main() {
  const own = process.env.SOAK_URL ? null : await startOwnApp();
  const url = process.env.SOAK_URL ?? own!.url;
  const pid = own?.pid ?? (process.env.SOAK_PID ? Number(process.env.SOAK_PID) : undefined);
  const { createBenchProject } = await import("@/scripts/bench/benchProject");
  const project = await createBenchProject("soak");
  const login = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: project.email, password: project.password }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const target: SoakTarget = { url, key: project.key, publicId: project.publicId, workspaceId: project.workspaceId, cookie: login.headers.get("set-cookie")!.split(";")[0] };
  const known = new KnownGroups();

  console.log(`soak: ${MINUTES} min against ${url}, ${CONCURRENCY} workers, a sample every ${SAMPLE_MS / 1000} s; app pid ${pid ?? "unknown (set SOAK_PID)"}`);
  console.log(`mix: ${OPERATIONS.map((o) => `${o.name} ${o.weight}`).join(", ")}`);
  console.log("  t(min)  requests   req/s    2xx    4xx   5xx  failed   p50 ms   p99 ms   RSS MB");

  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  let window = newWindow();
  const total = newWindow();
  const samples: { minute: number; rssMb: number }[] = [];
  let counter = 0;

  const record = (w: Window, op: string, ms: number, status: number | null) => {
    w.latencies.push(ms);
    const perOp = w.byOp.get(op) ?? { latencies: [], c5: 0, c4: 0, failed: 0 };
    perOp.latencies.push(ms);
    if (status === null) {
      w.status.failed++;
      perOp.failed++;
    } else if (status >= 500) {
      w.status.c5++;
      perOp.c5++;
    } else if (status >= 400) {
      w.status.c4++;
      perOp.c4++;
    } else w.status.ok++;
    w.byOp.set(op, perOp);
  };

  async function worker() {
    while (Date.now() < deadline) {
      const i = counter++;
      const op = pickOperation(Math.random());
      const t0 = performance.now();
      let status: number | null = null;
      try {
        const res = await op.run(target, i, known);
        status = res.status;
        const text = await res.text();
        if (op.name === "native event" && res.status === 202) known.add(JSON.parse(text).accepted?.[0]?.groupId);
      } catch {
        status = null;
      }
      const ms = performance.now() - t0;
      record(window, op.name, ms, status);
      record(total, op.name, ms, status);
    }
  }

  const sampler = setInterval(() => {
    const w = window;
    window = newWindow();
    const sorted = w.latencies.sort((a, b) => a - b);
    const minute = (Date.now() - started) / 60_000;
    const rssMb = pid ? treeRssBytes(pid) / 1024 / 1024 : NaN;
    samples.push({ minute, rssMb });
    console.log(
      `  ${minute.toFixed(2).padStart(6)} ${String(sorted.length).padStart(9)} ${(sorted.length / (SAMPLE_MS / 1000)).toFixed(1).padStart(7)} ${String(w.status.ok).padStart(6)} ${String(w.status.c4).padStart(6)} ${String(w.status.c5).padStart(5)} ${String(w.status.failed).padStart(7)} ${pct(sorted, 50).toFixed(1).padStart(8)} ${pct(sorted, 99).toFixed(1).padStart(8)} ${rssMb.toFixed(0).padStart(8)}`,
    );
  }, SAMPLE_MS);

  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearInterval(sampler);

  console.log("\nper operation (whole run):");
  console.log("  operation              requests   p50 ms   p99 ms   4xx   5xx  failed");
  for (const [name, op] of [...total.byOp.entries()].sort()) {
    const sorted = op.latencies.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(20)} ${String(sorted.length).padStart(9)} ${pct(sorted, 50).toFixed(1).padStart(8)} ${pct(sorted, 99).toFixed(1).padStart(8)} ${String(op.c4).padStart(5)} ${String(op.c5).padStart(5)} ${String(op.failed).padStart(7)}`);
  }
  const all = total.latencies.sort((a, b) => a - b);
  const steady = samples.slice(1).filter((s) => Number.isFinite(s.rssMb));
  const trend = slope(steady.map((s) => ({ x: s.minute, y: s.rssMb })));
  const summary = {
    minutes: MINUTES,
    requests: all.length,
    perSecond: Math.round((all.length / ((Date.now() - started) / 1000)) * 10) / 10,
    p50Ms: Math.round(pct(all, 50) * 10) / 10,
    p99Ms: Math.round(pct(all, 99) * 10) / 10,
    status4xx: total.status.c4,
    status5xx: total.status.c5,
    failedConnections: total.status.failed,
    rssMb: { first: samples[0]?.rssMb, last: samples.at(-1)?.rssMb, max: Math.max(...samples.map((s) => s.rssMb)) },
    rssTrendMbPerMin: Math.round(trend * 100) / 100,
  };
  console.log(`\nsummary: ${JSON.stringify(summary)}`);
  console.log(
    steady.length < 3
      ? "RSS trend: too few samples to judge (run longer or sample more often)"
      : `RSS trend after warm-up: ${trend >= 0 ? "+" : ""}${trend.toFixed(2)} MB/min ${Math.abs(trend) < 2 ? "(flat: no upward trend)" : trend > 0 ? "(RISING)" : "(falling)"}`,
  );
  if (own) await own.stop();
  process.exit(total.status.c5 > 0 || total.status.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`soak failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
