/**
 * `npm run faultline -- <command> [--flags] [--json]`: the admin CLI for operators without a browser.
 * Uses DATABASE_URL, else the embedded PostgreSQL in .faultline/pgdata (FAULTLINE_DATA_DIR): when that
 * is not running (no `npm start`), it is started (and initialised and migrated on first use) for the
 * command and stopped afterwards. Failures are one sentence on stderr with an exit code (see usage).
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { countSealedRows, embeddedSecretKey } from "./demoSecretKey.mjs";
import type { EmbeddedDatabase } from "./embeddedDb.mjs";
import { CLI_COMMANDS } from "@/lib/cli/commands/commandList";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { parseCommandLine, usage } from "@/lib/cli/parseCommandLine";
import { ApiError } from "@/lib/http/ApiError";
import { errorMessage } from "@/lib/text/errorMessage";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), CLI_COMMANDS);
  if (parsed.help || !parsed.command) {
    // As it was started: `npm run faultline -- …` in a checkout, the `faultline` command in the image.
    const program = process.env.npm_lifecycle_event === "faultline" ? "npm run faultline --" : "faultline";
    process.stdout.write(usage(CLI_COMMANDS, parsed.command, program) + "\n");
    return EXIT.ok;
  }
  const embedded = await connectDatabase();
  try {
    const host = process.env.HOST ?? "127.0.0.1";
    const publicUrl = process.env.PUBLIC_URL ?? `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${process.env.PORT ?? 3000}`;
    const result = await parsed.command.run(parsed.flags, { publicUrl });
    process.stdout.write((parsed.json ? JSON.stringify(result.data, null, 2) : result.lines.join("\n")) + "\n");
    return EXIT.ok;
  } finally {
    const { db } = await import("@/lib/db/prisma");
    await db().$disconnect().catch(() => undefined);
    const { pool } = await import("@/lib/db/pool");
    await pool().end().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
  }
}

/** Points DATABASE_URL at a usable database; returns the embedded server when this process started it. */
async function connectDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) {
    await assertReachable(process.env.DATABASE_URL, "DATABASE_URL");
    return null;
  }
  const port = Number(process.env.FAULTLINE_PG_PORT ?? 5460);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/faultline`;
  process.env.DATABASE_URL = url;
  // The embedded database's key (as `npm start` passes it to the app): new ingest keys are sealed
  // with it, so the dashboard can show them again. Read only once an embedded database is in play
  // (the container image has none, and may not be able to write .faultline/); made only for a
  // database that holds nothing sealed yet (one restored without its key file is refused).
  const takeEmbeddedKey = async () => {
    if (process.env.FAULTLINE_SECRET_KEY) return;
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
  const dataDir = path.resolve(root, process.env.FAULTLINE_DATA_DIR ?? path.join(".faultline", "pgdata"));
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

function exitCodeOf(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof ApiError) {
    const code = error.status === 404 ? EXIT.notFound : error.status === 409 ? EXIT.conflict : error.status === 422 || error.status === 400 ? EXIT.usage : EXIT.failure;
    return { code, message: error.message };
  }
  const pgCode = (error as { code?: string })?.code;
  if (pgCode === "P2002") return { code: EXIT.conflict, message: "already exists" };
  if (pgCode === "P1001" || pgCode === "ECONNREFUSED") return { code: EXIT.failure, message: "the database is not reachable" };
  return { code: EXIT.failure, message: error instanceof Error ? error.message.split("\n")[0] : String(error) };
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const { code, message } = exitCodeOf(error);
    process.stderr.write(`faultline: ${message}\n`);
    process.exit(code);
  });
