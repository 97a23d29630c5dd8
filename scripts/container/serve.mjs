#!/usr/bin/env node
// The container's start command (and any deployment of Next's standalone output): check the
// database, apply pending migrations, then run the standalone server. Failures are one sentence.
//   DATABASE_URL=postgresql://… node scripts/container/serve.mjs   (the image's CMD, as user faultline)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { envFlag, envInteger, envPort, envText } from "../envValues.mjs";
import { keepServingWhenOutputCloses, SERVER_V8_FLAGS, serverEnv } from "../serverProcess.mjs";
import { assertDatabaseReachable, describeStartupError, StartupError } from "../startupChecks.mjs";

keepServingWhenOutputCloses();
const root = path.resolve(import.meta.dirname, "..", "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
let server;
let stopping = false;

async function main() {
  // Trimmed, empty = unset, a bad value stops the start naming it (scripts/envValues.mjs).
  env.HOSTNAME = envText(env, "HOSTNAME") ?? "0.0.0.0";
  env.PORT = String(envPort(env, "PORT", 3000));
  const waitSeconds = envInteger(env, "FAULTLINE_DB_WAIT_SECONDS", { fallback: 60, min: 0, max: 86_400 });
  const migrate = envFlag(env, "FAULTLINE_MIGRATE", true);
  if (!envText(env, "DATABASE_URL")) {
    throw new StartupError("DATABASE_URL is not set. The container needs a PostgreSQL server: set DATABASE_URL=postgresql://user:password@host:5432/faultline (docker-compose.yml does).");
  }
  if (!envText(env, "FAULTLINE_SECRET_KEY")) {
    throw new StartupError("FAULTLINE_SECRET_KEY is not set. Channel secrets are encrypted with it: set it to the output of `openssl rand -hex 32` and keep it safe (docker-compose.yml reads it from the environment or .env).");
  }
  assertSpoolWritable(path.resolve(root, envText(env, "FAULTLINE_SPOOL_DIR") ?? path.join(".faultline", "spool")));
  await waitForDatabase(env.DATABASE_URL, waitSeconds);
  if (migrate) {
    console.log("Applying migrations…");
    // Prisma Migrate holds a PostgreSQL advisory lock while it runs: instances starting together apply each migration once.
    await runNode([path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"]).catch(() => {
      throw new StartupError("Applying the database migrations failed; PostgreSQL's reason is printed above. Nothing was started.");
    });
  }
  // scripts/server.mjs, as npm start runs it: the ingest endpoints on the fast path (Next's standalone
  // server.js would route them through Next.js, ≈ a tenth of the rate), everything else to Next.js.
  server = spawn(process.execPath, [...SERVER_V8_FLAGS, path.join(root, "scripts", "server.mjs")], { cwd: root, env: serverEnv({ ...env, HOST: env.HOSTNAME }), stdio: "inherit" });
  server.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
}

/**
 * Events accepted while PostgreSQL is unreachable are kept in the spool (docs/reliability.md): its
 * folder must be writable by the server's user before anything is accepted.
 */
function assertSpoolWritable(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    const user = os.userInfo().username;
    throw new StartupError(
      `The spool folder ${dir} is not writable by user ${user} (${error.code ?? error.message}). Set FAULTLINE_SPOOL_DIR to a folder that user can write (the image uses /var/lib/faultline/spool, a volume).`,
    );
  }
}

/** A database container may still be starting: retry connection refused / starting up for a while. */
async function waitForDatabase(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await assertDatabaseReachable(url, { timeoutMs: 5000 });
    } catch (error) {
      const transient = /connection refused|still starting|did not answer|cannot be found/.test(error.message);
      if (!transient || Date.now() > deadline) throw error;
      if (attempt === 1) console.log(`Waiting for PostgreSQL (${error.message})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function runNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopping = true;
    if (server && server.exitCode === null) server.kill(signal);
    else process.exit(0);
  });
}

main().catch((error) => {
  console.error(`Faultline failed to start: ${describeStartupError(error)}`);
  process.exit(1);
});
