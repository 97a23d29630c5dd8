import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";
import { logOutput, serverEnv } from "@/scripts/serverProcess.mjs";

export interface FreshInstance {
  /** http://127.0.0.1:<port> of an app on an empty database (no user yet), FAULTLINE_DEMO=0. */
  url: string;
  databaseUrl: string;
  /** The app's process (its stdout and stderr are piped to .faultline/fresh-app-<port>.log). */
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface FreshInstanceOptions {
  /** `next start` (the default), or the production server `npm start` runs (scripts/server.mjs: fast path, V8 flags). */
  server?: "next" | "production";
}

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * A second app instance on a database of its own, cloned from the empty migrated template that
 * `scripts/test.mjs` keeps (FAULTLINE_EMPTY_TEMPLATE): for first-run tests, which need a database
 * without users while the shared test database has many. Same build, its own port; ready in about
 * a second. Stop it in afterAll (the database is dropped).
 */
export async function startFreshInstance(env: Record<string, string> = {}, options: FreshInstanceOptions = {}): Promise<FreshInstance> {
  const shared = new URL(assertLocalDatabase());
  const template = process.env.FAULTLINE_EMPTY_TEMPLATE;
  if (!template) throw new Error("FAULTLINE_EMPTY_TEMPLATE is not set: run tests through `npm test` / scripts/test.mjs");
  const name = `faultline_fresh_${randomBytes(4).toString("hex")}`;
  const adminUrl = Object.assign(new URL(shared), { pathname: "/postgres" }).toString();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const databaseUrl = Object.assign(new URL(shared), { pathname: `/${name}` }).toString();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(root, ".faultline", `fresh-app-${port}.log`);
  const spoolDir = path.join(root, ".faultline", `fresh-spool-${port}`);
  const appEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_URL: url, FAULTLINE_DEMO: "0", ALERT_EVALUATOR_INTERVAL_MS: "0", ...env };
  const app: ChildProcess =
    options.server === "production"
      ? spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
          cwd: root,
          // Its own spool: the shared app's must not be replayed into this database.
          env: serverEnv({ ...appEnv, HOST: "127.0.0.1", PORT: String(port), FAULTLINE_SPOOL_DIR: spoolDir }),
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env: appEnv, stdio: ["ignore", "pipe", "pipe"] });
  logOutput(app, logFile);
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));

  const stop = async () => {
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (app.exitCode === null) app.kill("SIGKILL");
    }
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(spoolDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl, process: app, stop };
}

export interface ClonedDatabase {
  url: string;
  exec(sql: string): Promise<void>;
  drop(): Promise<void>;
}

/** A database of its own cloned from the empty migrated template (no app): for tests of jobs that sweep a whole database. */
export async function cloneEmptyDatabase(): Promise<ClonedDatabase> {
  const shared = new URL(assertLocalDatabase());
  const template = process.env.FAULTLINE_EMPTY_TEMPLATE;
  if (!template) throw new Error("FAULTLINE_EMPTY_TEMPLATE is not set: run tests through `npm test` / scripts/test.mjs");
  const name = `faultline_clone_${randomBytes(4).toString("hex")}`;
  const adminUrl = Object.assign(new URL(shared), { pathname: "/postgres" }).toString();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = Object.assign(new URL(shared), { pathname: `/${name}` }).toString();
  return {
    url,
    exec: (sql) => adminQuery(url, sql),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the fresh app exited with ${app.exitCode}; see .faultline/fresh-app-*.log`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the fresh app did not become healthy within 120 s");
}
