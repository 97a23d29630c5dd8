import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { postgresCpuSeconds, postmasterPid, processCpuSeconds } from "@/scripts/bench/cpuTime";
import { startEmbeddedPostgres } from "@/scripts/embeddedDb.mjs";
import { needsBuild } from "@/scripts/needsBuild.mjs";
import { bin, run } from "@/scripts/run.mjs";
import { serverEnv } from "@/scripts/serverProcess.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface BenchDatabase {
  url: string;
  /** CPU seconds the server has used so far (embedded server only; null for BENCH_DATABASE_URL). */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/**
 * The database of a benchmark run: BENCH_DATABASE_URL's, or a fresh embedded PostgreSQL on
 * BENCH_PG_PORT (data in .faultline/benchpg-<port>, removed first); migrations applied.
 */
export async function startBenchDatabase(port: number): Promise<BenchDatabase> {
  let db: BenchDatabase;
  if (process.env.BENCH_DATABASE_URL) {
    db = { url: process.env.BENCH_DATABASE_URL, cpuSeconds: () => null, stop: async () => undefined };
  } else {
    const dataDir = path.join(root, ".faultline", `benchpg-${port}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir, port, database: "faultline_bench" });
    const pid = postmasterPid(dataDir);
    db = { ...server, cpuSeconds: () => (pid ? postgresCpuSeconds(pid) : null) };
  }
  await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: db.url }, stdio: ["ignore", "ignore", "inherit"] });
  return db;
}

const BENCH_METRICS_TOKEN = "faultline-bench-metrics-token";

export interface BenchApp {
  url: string;
  pid: number;
  /** Peak and current resident memory of the app process (MB), from /proc. */
  memory(): { peakMb: number; nowMb: number };
  /** CPU seconds the app process has used so far. */
  cpuSeconds(): number;
  /** Sum, count and cumulative bucket counts (by `le`) of a histogram in the app's /api/metrics (all label sets together). */
  histogram(name: string): Promise<{ sum: number; count: number; buckets: Map<number, number> }>;
  stop(): Promise<void>;
}

/** Builds when needed, then starts the production server (scripts/server.mjs) and waits until it is healthy. */
export async function startBenchApp(databaseUrl: string, port: number, options: { fastPath: boolean; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchApp> {
  if (needsBuild(root)) await run("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  // A spool of its own, empty: the bench must not replay a development instance's into its database.
  const spoolDir = path.join(root, ".faultline", `bench-spool-${port}`);
  fs.rmSync(spoolDir, { recursive: true, force: true });
  const log = fs.createWriteStream(path.join(root, ".faultline", `bench-app-${port}.log`));
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: serverEnv({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      FAULTLINE_FAST_PATH: options.fastPath ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      // Channel secrets are encrypted with it; a bench database is thrown away, so a fresh key will do.
      FAULTLINE_SECRET_KEY: process.env.FAULTLINE_SECRET_KEY ?? randomBytes(32).toString("hex"),
      FAULTLINE_SPOOL_DIR: spoolDir,
      ...options.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); see .faultline/bench-app-${port}.log`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) throw new Error("the app did not become healthy in 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    memory: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
      return { peakMb: kb("VmHWM") / 1024, nowMb: kb("VmRSS") / 1024 };
    },
    cpuSeconds: () => processCpuSeconds(child.pid!),
    histogram: async (name) => {
      const text = await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })).text();
      // One pass over the samples, every label set added up: `name_sum`, `name_count`, `name_bucket{…le="x"}`.
      const bucket = new RegExp(`^${name}_bucket\\{.*le="([^"]+)"`);
      const result = { sum: 0, count: 0, buckets: new Map<number, number>() };
      for (const line of text.split("\n")) {
        const value = Number(line.split(" ").pop());
        if (line.startsWith(`${name}_sum`)) result.sum += value;
        else if (line.startsWith(`${name}_count`)) result.count += value;
        const le = bucket.exec(line)?.[1];
        if (le !== undefined) result.buckets.set(Number(le), (result.buckets.get(Number(le)) ?? 0) + value);
      }
      return result;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Starts a child process running a script and waits for its "ready" message. */
export async function startChild(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}
