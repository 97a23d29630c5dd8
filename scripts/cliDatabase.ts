/**
 * The database of the admin CLI (scripts/faultline.ts) and `npm run secrets:rotate`
 * (scripts/rotateSecrets.ts): DATABASE_URL, else the embedded PostgreSQL in .faultline/pgdata
 * (FAULTLINE_DATA_DIR, port FAULTLINE_PG_PORT) — started (initialised and migrated on first use) when
 * it is not running, and stopped again by the caller — with its key, .faultline/secret.key, as
 * FAULTLINE_SECRET_KEY unless that is set.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { countSealedRows, embeddedSecretKey } from "./demoSecretKey.mjs";
import type { EmbeddedDatabase } from "./embeddedDb.mjs";
import { envPort, envText } from "./envValues.mjs";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { errorMessage } from "@/lib/text/errorMessage";

const root = path.resolve(import.meta.dirname, "..");

/** Points DATABASE_URL at a usable database; returns the embedded server when this process started it. */
export async function connectDatabase(): Promise<EmbeddedDatabase | null> {
  const given = envText(process.env, "DATABASE_URL");
  if (given) {
    await assertReachable(given, "DATABASE_URL");
    return null;
  }
  const port = envPort(process.env, "FAULTLINE_PG_PORT", 5460);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/faultline`;
  process.env.DATABASE_URL = url;
  // The embedded database's key (as `npm start` passes it to the app): new ingest keys are sealed
  // with it, so the dashboard can show them again. Read only once an embedded database is in play
  // (the container image has none, and may not be able to write .faultline/); made only for a
  // database that holds nothing sealed yet (one restored without its key file is refused).
  const takeEmbeddedKey = async () => {
    if (envText(process.env, "FAULTLINE_SECRET_KEY")) return;
    try {
      process.env.FAULTLINE_SECRET_KEY = await embeddedSecretKey(root, { sealedRows: () => countSealedRows(url) });
    } catch (error) {
      throw new CliError(EXIT.failure, errorMessage(error));
    }
  };
  if (await reachable(url)) {
    await takeEmbeddedKey();
    return null;
  }
  // Loaded by its path, not bundled: the container image has neither it nor PostgreSQL's binaries.
  const embeddedDb = path.join(import.meta.dirname, "embeddedDb.mjs");
  if (!fs.existsSync(embeddedDb)) {
    throw new CliError(EXIT.failure, `DATABASE_URL is not set, and this installation has no embedded PostgreSQL: set DATABASE_URL`);
  }
  const { startEmbeddedPostgres } = (await import(pathToFileURL(embeddedDb).href)) as typeof import("./embeddedDb.mjs");
  const dataDir = path.resolve(root, envText(process.env, "FAULTLINE_DATA_DIR") ?? path.join(".faultline", "pgdata"));
  process.stderr.write(`Starting the embedded PostgreSQL (${dataDir}) on port ${port}…\n`);
  let database: EmbeddedDatabase;
  try {
    database = await startEmbeddedPostgres({ dataDir, port, database: "faultline" });
  } catch (error) {
    throw new CliError(EXIT.failure, `could not start the embedded PostgreSQL in ${dataDir}: ${errorMessage(error)}`);
  }
  try {
    await migrate(database.url);
    await takeEmbeddedKey();
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
  return database;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function assertReachable(url: string, name: string): Promise<void> {
  if (!(await reachable(url))) throw new CliError(EXIT.failure, `cannot connect to the database in ${name} (${redact(url)})`);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "an invalid URL";
  }
}

/** Applies pending migrations to a database this process started (a first use of the data directory). */
function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new CliError(EXIT.failure, `migrations failed: ${stderr.trim().split("\n").pop() ?? code}`))));
  });
}
