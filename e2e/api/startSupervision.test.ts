import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/e2e/support/childProcess";
import { isAlive, postmasterPid, seedProject } from "@/e2e/support/faultApp";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * `npm start` (scripts/start.mjs) with its embedded PostgreSQL, in a data folder of this file's own:
 * when the PostgreSQL server is killed, the app keeps accepting events (spooled), `npm start`
 * starts the server again, and every event answered 2xx is stored; when the app itself is killed,
 * `npm start` starts it again.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "fl-embedded-restart-"));
fs.chmodSync(work, 0o755); // as root, the embedded PostgreSQL runs as "postgres" and must enter it
const dataDir = path.join(work, "pgdata");
let appUrl: string;
let databaseUrl: string;
let started: ChildProcess;
let stderr = "";
let startedAt = 0;


/** The pid of the app server `npm start` runs (scripts/server.mjs, its child). */
function appServerPid(): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === started.pid && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("scripts/server.mjs")) return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  throw new Error("no app server process under npm start");
}

async function databaseUp(): Promise<boolean> {
  const res = await fetch(`${appUrl}/api/health`).catch(() => null);
  return !!res && ((await res.json()) as { database: boolean }).database;
}

async function storedEventIds(projectId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorOccurrence" WHERE "projectId" = $1 ORDER BY 1`, [projectId])).rows.map((r) => r.eventId);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const [port, pgPort] = [await freePort(), await freePort()];
  appUrl = `http://127.0.0.1:${port}`;
  databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/faultline`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    FAULTLINE_PG_PORT: String(pgPort),
    FAULTLINE_DATA_DIR: dataDir,
    FAULTLINE_SPOOL_DIR: path.join(work, "spool"),
    FAULTLINE_SECRET_KEY: randomBytes(32).toString("hex"),
    FAULTLINE_DEMO: "0",
    EMBEDDED_PG_SHARED_BUFFERS: "128MB",
    ALERT_EVALUATOR_INTERVAL_MS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  // Its own process group: a failed run kills start.mjs, the app and PostgreSQL together.
  started = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  started.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(async () => ((await databaseUp()) ? true : undefined), 180_000);
  startedAt = Date.now();
}, 240_000);

afterAll(async () => {
  if (started && started.exitCode === null) {
    const exited = new Promise((resolve) => started.once("exit", resolve));
    started.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (started.exitCode === null) process.kill(-started.pid!, "SIGKILL");
  }
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("npm start supervises what it started", () => {
  it("starts the embedded PostgreSQL again when it is killed, and every event answered 2xx meanwhile is stored", async () => {
    const project = await seedProject(databaseUrl);
    const send = (eventId: string) =>
      fetch(`${appUrl}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-faultline-key": project.key },
        body: JSON.stringify({ eventId, type: "TimeoutError", message: "upstream took too long" }),
      });
    const before = await send("before-crash");
    expect(before.status).toBe(202);
    expect((await before.json()).spooled).toBeUndefined();

    const crashed = postmasterPid(dataDir);
    process.kill(crashed, "SIGKILL");
    await waitFor(async () => (isAlive(crashed) ? undefined : true), 30_000);
    // Spooled while the server is down (or committed, if it is already back).
    expect((await send("during-outage")).status).toBe(202);

    await waitFor(async () => ((await databaseUp()) ? true : undefined), 120_000);
    expect(postmasterPid(dataDir)).not.toBe(crashed);
    expect(stderr).toContain("Embedded PostgreSQL stopped unexpectedly");
    await waitFor(async () => ((await storedEventIds(project.projectId)).length === 2 ? true : undefined), 60_000);
    expect(await storedEventIds(project.projectId)).toEqual(["before-crash", "during-outage"]);

  }, 300_000);

  it("starts the app again when it is killed; its replacement serves and stores; Ctrl-C stops both", async () => {
    const project = await seedProject(databaseUrl);
    // The app must have run a while: one that dies right after starting (bad settings) stops npm start.
    await waitFor(async () => (Date.now() - startedAt >= 10_000 ? true : undefined), 30_000);
    const killed = appServerPid();
    process.kill(killed, "SIGKILL");
    await waitFor(async () => (isAlive(killed) ? undefined : true), 30_000);
    await waitFor(async () => ((await databaseUp()) ? true : undefined), 120_000);
    expect(appServerPid()).not.toBe(killed);
    expect(stderr).toContain("The app stopped unexpectedly (signal SIGKILL); starting it again.");
    const res = await fetch(`${appUrl}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": project.key },
      body: JSON.stringify({ eventId: "after-app-restart", type: "TimeoutError", message: "upstream took too long" }),
    });
    expect(res.status).toBe(202);
    expect(await storedEventIds(project.projectId)).toEqual(["after-app-restart"]);

    const postgres = postmasterPid(dataDir);
    const exited = new Promise<number | null>((resolve) => started.once("exit", resolve));
    started.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(isAlive(postgres)).toBe(false);
  }, 300_000);
});
