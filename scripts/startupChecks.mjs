// Start-up failures as a sentence, not a stack: each check below turns a known way `npm start` (or
// the container) fails into what is wrong and how to fix it. A StartupError's message is printed as
// is; start.mjs prints anything else as one line too (the stack only with FAULTLINE_DEBUG=1).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export class StartupError extends Error {
  constructor(message) {
    super(message);
    this.name = "StartupError";
  }
}

/** Below this much free space PostgreSQL cannot initialise or start reliably. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** Throws a StartupError when `port` on `host` is taken (or not ours to take). */
export async function assertPortFree(port, { host = "127.0.0.1", what, envVar }) {
  await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error) => reject(describePortError(error, { port, host, what, envVar })));
    server.listen({ port, host, exclusive: true }, () => server.close(resolve));
  });
}

export function describePortError(error, { port, host, what, envVar }) {
  if (error.code === "EADDRINUSE") {
    return new StartupError(
      `Port ${port} on ${host} is already in use, so ${what} cannot listen there. Stop the program that holds it (\`ss -ltnp 'sport = :${port}'\` shows which; often an earlier Faultline still running) or set ${envVar} to a free port.`,
    );
  }
  if (error.code === "EACCES") {
    return new StartupError(`${what} may not listen on port ${port} as this user (ports below 1024 need root). Set ${envVar} to a port of 1024 or above.`);
  }
  if (error.code === "EADDRNOTAVAIL") {
    return new StartupError(`${host} is not an address of this machine, so ${what} cannot listen on it. Set HOST to 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`);
  }
  return new StartupError(`${what} cannot listen on ${host}:${port}: ${error.message}.`);
}

/** Throws when the filesystem that holds (or will hold) `dir` has less than `minBytes` free. */
export function assertEnoughDisk(dir, { minBytes = MIN_FREE_BYTES, envVar = "FAULTLINE_DATA_DIR" } = {}) {
  const existing = nearestExisting(dir);
  const stats = fs.statfsSync(existing);
  const free = Number(stats.bavail) * Number(stats.bsize);
  if (free >= minBytes) return;
  throw new StartupError(
    `The disk holding ${dir} is full: ${formatBytes(free)} free, and PostgreSQL needs at least ${formatBytes(minBytes)} to start. Free some space on it (\`df -h ${existing}\`, \`du -sh ${existing}/*\`), or move the data directory to a larger disk with ${envVar}.`,
  );
}

/**
 * As root, the embedded PostgreSQL runs as the unprivileged user "postgres" (PostgreSQL refuses to
 * run as root); that user must be able to enter every folder above its binaries and its data.
 * Returns the first folder it cannot enter, or null.
 */
export function findClosedFolder(target, postgres = { uid: null, gid: null }) {
  let dir = path.resolve(target);
  const closed = [];
  for (;;) {
    if (fs.existsSync(dir)) {
      const { mode, uid, gid } = fs.statSync(dir);
      const enterable =
        (mode & 0o001) !== 0 ||
        (postgres.uid !== null && uid === postgres.uid && (mode & 0o100) !== 0) ||
        (postgres.gid !== null && gid === postgres.gid && (mode & 0o010) !== 0);
      if (!enterable) closed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return closed.length ? closed[closed.length - 1] : null;
}

export function closedFolderError(folder, what) {
  const mode = (fs.statSync(folder).mode & 0o777).toString(8).padStart(3, "0");
  return new StartupError(
    `Faultline was started as root from a folder other users cannot enter: ${folder} (mode ${mode}). The embedded PostgreSQL refuses to run as root, so it runs as the user "postgres", which cannot reach ${what}. Run npm start as a normal user, move Faultline to a folder others can enter (e.g. /opt/faultline), allow entry with \`chmod o+x ${folder}\`, or set DATABASE_URL to a PostgreSQL server of your own.`,
  );
}

/** Known lines in PostgreSQL's own output (initdb / postmaster) → a sentence. */
export function describeEmbeddedFailure(log, { dataDir, port }) {
  if (/No space left on device|could not extend file|could not write/i.test(log)) {
    return new StartupError(
      `The disk holding ${dataDir} is full: the embedded PostgreSQL could not write its files. Free some space on it, or move the data directory to a larger disk with FAULTLINE_DATA_DIR.`,
    );
  }
  if (/Address already in use|could not bind/i.test(log)) {
    return describePortError({ code: "EADDRINUSE" }, { port, host: "localhost", what: "the embedded PostgreSQL", envVar: "FAULTLINE_PG_PORT" });
  }
  const lock = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/i.exec(log);
  if (lock) {
    return new StartupError(`Another PostgreSQL (pid ${lock[1]}) is already running on ${dataDir}: probably an earlier Faultline that is still running. Stop it (\`kill ${lock[1]}\`) and start again.`);
  }
  if (/database files are incompatible with server/i.test(log)) {
    return new StartupError(
      `${dataDir} holds data of another PostgreSQL major version than the embedded one. Back it up and upgrade it (see docs/operations.md), or point FAULTLINE_DATA_DIR at a new folder.`,
    );
  }
  const denied = /(could not (?:access|create|open|change)[^"\n]*"([^"]+)"[^\n]*Permission denied)/i.exec(log);
  if (denied) {
    return new StartupError(
      `The embedded PostgreSQL may not use ${denied[2]} (permission denied). Give the folder to the user that runs it (as root: \`chown -R postgres ${dataDir}\`), make its parents enterable (\`chmod o+x\`), or set FAULTLINE_DATA_DIR to a folder it can write.`,
    );
  }
  const last = log.trim().split("\n").filter(Boolean).slice(-3).join(" ").slice(0, 400);
  return new StartupError(`The embedded PostgreSQL did not start${last ? `: ${last}` : ""}. Its data directory is ${dataDir}.`);
}

/** Connects once to DATABASE_URL; a failure becomes a sentence naming what is wrong with it. */
export async function assertDatabaseReachable(url, { timeoutMs = 10_000 } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError(`DATABASE_URL is not a URL. It should look like postgresql://user:password@host:5432/faultline.`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new StartupError(`DATABASE_URL must start with postgresql:// (it starts with ${parsed.protocol}//).`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw describeDatabaseError(error, parsed, timeoutMs);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function describeDatabaseError(error, url, timeoutMs = 10_000) {
  const host = url.hostname || "localhost";
  const where = `${host}:${url.port || 5432}`;
  const user = decodeURIComponent(url.username || process.env.USER || "postgres");
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || user;
  const code = error?.code;
  const message = String(error?.message ?? error);
  if (code === "ECONNREFUSED") return new StartupError(`Nothing answers at ${where} (connection refused): is PostgreSQL running there, and are the host and port in DATABASE_URL right?`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new StartupError(`The host "${host}" in DATABASE_URL cannot be found (DNS): check its spelling, or use an IP address.`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return new StartupError(`${where} cannot be reached from this machine (no route): check DATABASE_URL's host and the network.`);
  if (code === "ETIMEDOUT" || /timeout/i.test(message)) return new StartupError(`PostgreSQL at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s: a firewall, or the wrong host or port in DATABASE_URL?`);
  if (code === "28P01") return new StartupError(`PostgreSQL at ${where} refused the password of user "${user}": check the user and password in DATABASE_URL (special characters must be percent-encoded).`);
  if (code === "28000") return new StartupError(`PostgreSQL at ${where} does not let user "${user}" in (no such role, or no pg_hba.conf entry for this client): create the role or allow it, or fix DATABASE_URL.`);
  if (code === "3D000") return new StartupError(`The database "${database}" does not exist on ${where}: create it (\`createdb -h ${host} -U ${user} ${database}\`) or fix its name in DATABASE_URL.`);
  if (code === "53300") return new StartupError(`PostgreSQL at ${where} has no free connection slots: raise max_connections or lower DATABASE_POOL_SIZE on each instance.`);
  if (code === "53100" || /No space left on device/i.test(message)) return new StartupError(`The disk of the PostgreSQL server at ${where} is full: free some space on it; Faultline cannot write until then.`);
  if (code === "57P03") return new StartupError(`PostgreSQL at ${where} is still starting up or in recovery: wait until it accepts connections, then start Faultline again.`);
  if (/does not support SSL/i.test(message)) return new StartupError(`PostgreSQL at ${where} does not accept SSL, but DATABASE_URL asks for it: remove sslmode=require from DATABASE_URL (or enable SSL on the server).`);
  if (/self[- ]signed|certificate/i.test(message)) return new StartupError(`PostgreSQL at ${where} presented a certificate this machine does not trust: add ?sslmode=no-verify to DATABASE_URL, or give Node its CA with NODE_EXTRA_CA_CERTS.`);
  return new StartupError(`Cannot connect to PostgreSQL at ${where}: ${message.split("\n")[0]}.`);
}

/** Any other error during start-up: one line, with the system error spelled out when known. */
export function describeStartupError(error) {
  if (error instanceof StartupError) return error.message;
  const code = error?.code;
  if (code === "ENOSPC") return `The disk is full (${error.path ?? error.syscall ?? "writing"}): free some space and start again.`;
  if (code === "EACCES" || code === "EPERM") return `Permission denied: ${error.path ?? error.message}. Run Faultline as a user that may read and write its folder.`;
  if (code === "EMFILE") return `Too many open files: raise the limit (\`ulimit -n 65536\`) and start again.`;
  const message = error instanceof Error ? error.message : String(error ?? "unknown error");
  return message.split("\n")[0] || "unknown error";
}

export function formatBytes(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

function nearestExisting(dir) {
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) current = path.dirname(current);
  return current;
}
