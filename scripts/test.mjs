#!/usr/bin/env node
// `npm test`: lint and typecheck, unit tests, then API tests over real HTTP against the built app on a
// fresh embedded PostgreSQL (or DATABASE_URL's server, in a database of its own), then Playwright e2e
// in Chromium. `node scripts/test.mjs static|unit|api|e2e [files…]` runs one stage (of those files).
// API test files run side by side (each seeds its own workspace); a file whose assertions need a quiet
// database (whole-table counts) carries the marker `@serial-db` and runs alone afterwards (beside the
// `@own-instance` files, which bring their own database and app).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";
import { startEmbeddedPostgres } from "./embeddedDb.mjs";
import { bin, run } from "./run.mjs";
import { needsBuild } from "./needsBuild.mjs";
import { logOutput, serverEnv } from "./serverProcess.mjs";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv[2];
const stages = only ? [only] : ["static", "unit", "api", "e2e"];
const API_WORKERS = Number(process.env.TEST_API_WORKERS ?? 3);
const files = process.argv.slice(3);
const appPort = Number(process.env.TEST_APP_PORT ?? 3100);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  FAULTLINE_TEST: "1",
  // The app under test exposes /api/metrics so its test can scrape it (not a secret: test-only).
  METRICS_TOKEN: process.env.METRICS_TOKEN ?? "faultline-test-metrics-token",
  // A throwaway database gets a throwaway key for its channel and forwarding-rule secrets.
  FAULTLINE_SECRET_KEY: process.env.FAULTLINE_SECRET_KEY ?? crypto.randomBytes(32).toString("hex"),
  // Spike protection never samples in the shared test app (tests count stored occurrences); the
  // spike test starts an instance of its own with low knobs (e2e/api/spikeProtection.test.ts).
  SPIKE_PROTECTION_MIN_PER_MINUTE: "1000000000",
  // The suite signs in hundreds of times (and seeds users in every test process): at the production
  // cost (2^17, ≈ 1 s of CPU per hash on a slow core) hashing alone took minutes of the 2-core budget.
  // Hashing and verifying run the same code at N=2^12; lib/auth/password.test.ts covers the default.
  PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST ?? "12",
  // The hourly jobs run about a minute after the app starts (they are due: nothing ran them in a
  // fresh database); in the shared test app they would race the tests that run them at an injected
  // clock and count what they deleted (retention, sessions). Those tests call them directly.
  // The tests play one trusted reverse proxy: they send X-Forwarded-For to count their sign-ins and
  // reset requests apart per address. The default (no proxy: the socket's address, whatever the
  // header says) is tested on an instance of its own (e2e/api/clientAddress.test.ts).
  PROXY_HOPS: "1",
  RETENTION_INTERVAL_MS: "0",
  PARTITION_INTERVAL_MS: "0",
  SESSION_CLEANUP_INTERVAL_MS: "0",
  STORAGE_SAMPLE_INTERVAL_MS: "0",
};

let database;
let app;

async function main() {
  // @faultline/client: the app, the typecheck and the tests import its build (rebuilt when stale).
  await run(process.execPath, ["packages/client/scripts/build.mjs", "--if-stale"], { cwd: root, env });
  if (stages.includes("static")) {
    // Side by side: each is single-threaded, and together they take the two cores' time of the longer.
    await Promise.all([run(bin("eslint"), ["."], { cwd: root, env }), run(bin("tsc"), ["--noEmit"], { cwd: root, env })]);
    // Type-checked just now: the build below need not do it again (next.config.ts).
    env.FAULTLINE_BUILD_TYPECHECKED = "1";
  }
  if (stages.includes("unit")) await run(bin("vitest"), ["run", "--config", "vitest.config.ts", ...files], { cwd: root, env });
  if (!stages.some((s) => s === "api" || s === "e2e")) return;

  await startDatabase();
  await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env });
  await createEmptyTemplate();
  if (needsBuild(root)) await run("npm", ["run", "build"], { cwd: root, env });
  await startApp();

  if (stages.includes("api")) await runApiTests();
  if (stages.includes("e2e")) await run(bin("playwright"), ["test", ...files], { cwd: root, env });
}

/**
 * Independent files in parallel workers first; then the `@serial-db` files one at a time, and beside
 * them, also one at a time, the `@own-instance` files: those start a PostgreSQL server and app of
 * their own and load them hard (they never touch the shared database, but in the parallel pool they
 * would starve the other files of CPU). The serial files wait on one request at a time and leave
 * about a third of the two cores idle, which the own-instance files use.
 */
async function runApiTests() {
  const dir = path.join(root, "e2e", "api");
  const all = files.length > 0 ? files : fs.readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => path.join("e2e", "api", f));
  const marked = (marker) => all.filter((f) => fs.readFileSync(path.join(root, f), "utf8").includes(marker));
  const serial = marked("@serial-db");
  const ownInstance = marked("@own-instance");
  const parallel = all.filter((f) => !serial.includes(f) && !ownInstance.includes(f));
  const vitest = (list, extra) => run(bin("vitest"), ["run", "--config", "vitest.api.config.ts", ...extra, ...list], { cwd: root, env });
  if (parallel.length > 0) await vitest(parallel, ["--fileParallelism", `--maxWorkers=${API_WORKERS}`]);
  // Both lists run to their end before a failure is reported: the shared app stops after this, and a
  // failing own-instance file must not cut a serial file off mid-request.
  const outcomes = await Promise.allSettled([serial, ownInstance].filter((list) => list.length > 0).map((list) => vitest(list, ["--no-file-parallelism"])));
  const failed = outcomes.find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
}

async function startDatabase() {
  if (env.DATABASE_URL) {
    // Never touch the caller's own database: tests get a fresh one beside it.
    const url = new URL(env.DATABASE_URL);
    const testDb = `faultline_test_${process.pid}`;
    const admin = new pg.Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${testDb}"`);
    await admin.end();
    url.pathname = `/${testDb}`;
    env.DATABASE_URL = url.toString();
    database = {
      stop: async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${testDb}" WITH (FORCE)`);
        await c.end();
      },
    };
    return;
  }
  const pgPort = Number(env.TEST_PG_PORT ?? 5480);
  const dataDir = path.join(root, ".faultline", `testpg-${pgPort}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  database = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "faultline_test" });
  env.DATABASE_URL = database.url;
}

/**
 * A copy of the freshly migrated, still empty test database, kept as a template: tests that need an
 * app on an empty database (first-run setup) clone it in a fraction of a second and start their own
 * app instance on it (e2e/support/freshInstance.ts). Nothing may be connected to the source: the
 * app is not started yet.
 */
async function createEmptyTemplate() {
  const url = new URL(env.DATABASE_URL);
  const source = url.pathname.slice(1);
  const template = `${source}_empty`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}" TEMPLATE "${source}"`);
  } finally {
    await admin.end();
  }
  env.FAULTLINE_EMPTY_TEMPLATE = template;
  const previousStop = database.stop;
  database.stop = async () => {
    const c = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
    await c.connect().catch(() => undefined);
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    await c.end().catch(() => undefined);
    await previousStop();
  };
}

async function startApp() {
  env.APP_URL = `http://127.0.0.1:${appPort}`;
  // A spool of its own, empty: nothing from another run is replayed into this database.
  env.FAULTLINE_SPOOL_DIR = path.join(root, ".faultline", `spool-test-${appPort}`);
  fs.rmSync(env.FAULTLINE_SPOOL_DIR, { recursive: true, force: true });
  // A leftover app on the port would answer the health check and the tests instead of this build.
  if (await fetch(`${env.APP_URL}/api/health`).then(() => true, () => false)) {
    throw new Error(`something already listens on 127.0.0.1:${appPort}: stop it or set TEST_APP_PORT`);
  }
  // The production server: Next.js plus the ingest fast path (scripts/server.mjs), as `npm start` runs it.
  app = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: serverEnv({ ...env, HOST: "127.0.0.1", PORT: String(appPort) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Tests that check what the server logs read this file (e.g. that no link token reaches it).
  env.FAULTLINE_TEST_APP_LOG = path.join(root, ".faultline", `test-app-${appPort}.log`);
  logOutput(app, env.FAULTLINE_TEST_APP_LOG);
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${env.APP_URL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy in 30 s; see ${env.FAULTLINE_TEST_APP_LOG}`);
}

async function cleanup() {
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
  }
  if (database) await database.stop().catch(() => undefined);
}

fs.mkdirSync(path.join(root, ".faultline"), { recursive: true });
main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error.message);
    await cleanup();
    process.exit(1);
  });
