import { randomBytes, createHash } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/scripts/embeddedDb.mjs";
import { bin, run } from "@/scripts/run.mjs";
import { logOutput, serverEnv } from "@/scripts/serverProcess.mjs";

/**
 * A PostgreSQL server and an app instance of a test's own (not the database the rest of the API
 * suite uses), so the test can kill and restart the database, or stop the app, freely.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

export interface FaultDatabase {
  url: string;
  dataDir: string;
  pid(): number;
  /** SIGKILL the postmaster (a crash: no shutdown checkpoint); resolves when it is gone. */
  kill(): Promise<void>;
  /** Starts it again (crash recovery runs first). */
  restart(): Promise<void>;
  /**
   * SIGSTOP the postmaster and every backend (a stalled server: a VM paused, a disk that stopped
   * answering): connections stay open and accept bytes, nothing answers. `thaw` (SIGCONT) resumes it.
   */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export async function startFaultDatabase(port: number, label: string): Promise<FaultDatabase> {
  const dataDir = path.join(root, ".faultline", `faultpg-${label}-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = await startEmbeddedPostgres({ dataDir, port, database: "faultline_fault" });
  const pidOf = () => postmasterPid(dataDir);
  return {
    url: server.url,
    dataDir,
    pid: pidOf,
    kill: async () => {
      const pid = pidOf();
      process.kill(pid, "SIGKILL");
      for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
    },
    restart: async () => {
      server = await startEmbeddedPostgres({ dataDir, port, database: "faultline_fault" });
    },
    freeze: () => {
      // The postmaster first, so it forks no backend the loop below would miss.
      const pid = pidOf();
      signal(pid, "SIGSTOP");
      for (const child of childrenOf(pid)) signal(child, "SIGSTOP");
    },
    thaw: () => {
      const pid = pidOf();
      for (const child of childrenOf(pid)) signal(child, "SIGCONT");
      signal(pid, "SIGCONT");
    },
    stop: async () => {
      await server.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends `sig` unless the process has already ended (a backend that exited between listing and signal). */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** The processes whose parent is `pid` (from /proc: PostgreSQL's backends and workers). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after its last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export interface FaultApp {
  url: string;
  process: ChildProcess;
  spoolDir: string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Migrates the database, then starts the built app on `port` against it with a spool of its own
 * (emptied first, unless `keepSpool`: a restart that must find what the last process left), or in
 * `spoolDir` (a folder another instance shares, left as it is).
 */
export async function startFaultApp(
  port: number,
  databaseUrl: string,
  label: string,
  extraEnv: Record<string, string> = {},
  options: { keepSpool?: boolean; spoolDir?: string } = {},
): Promise<FaultApp> {
  const spoolDir = options.spoolDir ?? path.join(root, ".faultline", `spool-fault-${label}-${port}`);
  if (!options.keepSpool && !options.spoolDir) fs.rmSync(spoolDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    FAULTLINE_SPOOL_DIR: spoolDir,
    FAULTLINE_SECRET_KEY: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    // Connections to a dead server fail fast; the pool does not wait for a slot forever.
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    ...extraEnv,
  };
  await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  // The production server (Next.js plus the ingest fast path), as `npm start` and the test runner start it.
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env: serverEnv({ ...env, HOST: "127.0.0.1", PORT: String(port) }), stdio: ["ignore", "pipe", "pipe"] });
  logOutput(child, path.join(root, ".faultline", `fault-app-${label}-${port}.log`));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // Never outlive the test run, even when a hook times out before stop() is called.
  process.once("exit", () => child.kill("SIGKILL"));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 480) throw new Error(`fault app on ${port} did not become healthy`);
    if (child.exitCode !== null) throw new Error(`fault app on ${port} exited with ${child.exitCode} (port taken?): see .faultline/fault-app-${label}-${port}.log`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    spoolDir,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A workspace, project and ingest key written straight into the fault database. */
export async function seedProject(databaseUrl: string): Promise<{ projectId: string; publicId: number; key: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString("hex");
    const workspace = (await client.query<{ id: string }>(`INSERT INTO "Workspace" (id, name, slug) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`fault-${tag}`])).rows[0];
    const project = (
      await client.query<{ id: string; publicId: number }>(`INSERT INTO "Project" (id, "workspaceId", name, slug) VALUES (gen_random_uuid(), $1, $2, $2) RETURNING id, "publicId"`, [workspace.id, `p-${tag}`])
    ).rows[0];
    const key = randomBytes(16).toString("hex");
    await client.query(`INSERT INTO "IngestKey" (id, "projectId", name, "keyHash", "keyPrefix") VALUES (gen_random_uuid(), $1, 'fault', $2, $3)`, [
      project.id,
      createHash("sha256").update(key).digest("hex"),
      key.slice(0, 8),
    ]);
    return { projectId: project.id, publicId: project.publicId, key };
  } finally {
    await client.end();
  }
}

/** A user with a read (or write) API token in the workspace of `projectId`, written straight into the fault database. */
export async function seedReadToken(databaseUrl: string, projectId: string, scope: "read" | "write" = "read"): Promise<{ token: string; workspaceId: string }> {
  const [{ workspaceId }] = await queryFault<{ workspaceId: string }>(databaseUrl, `SELECT "workspaceId" FROM "Project" WHERE id = $1`, [projectId]);
  const token = `flt_${randomBytes(32).toString("base64url").slice(0, 43)}`;
  const [user] = await queryFault<{ id: string }>(databaseUrl, `INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'reader', '-') RETURNING id`, [
    `reader-${randomBytes(4).toString("hex")}@fault.test`,
  ]);
  await queryFault(databaseUrl, `INSERT INTO "Membership" ("userId", "workspaceId", role) VALUES ($1, $2, 'member')`, [user.id, workspaceId]);
  await queryFault(databaseUrl, `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scope) VALUES (gen_random_uuid(), $1, 'reader', $2, $3, $4::"ApiTokenScope")`, [
    user.id,
    createHash("sha256").update(token).digest("hex"),
    token.slice(4, 12),
    scope,
  ]);
  return { token, workspaceId };
}

export async function queryFault<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The pid an embedded PostgreSQL wrote to its data folder's postmaster.pid. */
export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
