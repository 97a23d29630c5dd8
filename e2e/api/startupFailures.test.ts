import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, occupyPort, runToEnd, type Finished } from "@/e2e/support/childProcess";
import { cloneEmptyDatabase } from "@/e2e/support/freshInstance";
import { sealIngestKey } from "@/lib/projects/ingestKeySeal";
import { keyId, makeKeyring } from "@/lib/security/secretBox";

/**
 * `npm start` (scripts/start.mjs) and the container's start (scripts/container/serve.mjs) fail with
 * one sentence that says what is wrong and how to fix it — never a stack trace.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const isRoot = process.getuid?.() === 0;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "fl-startup-e2e-"));
fs.chmodSync(work, 0o755); // as root, the embedded PostgreSQL runs as "postgres" and must enter it
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
  return env;
}

function start(extra: Record<string, string>, command: string[] = ["scripts/start.mjs"]): Promise<Finished> {
  return runToEnd(process.execPath, command, { cwd: root, env: baseEnv(extra), timeoutMs: 60_000 });
}

function expectOneSentence(result: Finished, expected: string | RegExp) {
  expect(result.code).toBe(1);
  const line = result.stderr.split("\n").find((l) => l.startsWith("Faultline failed to start: "));
  expect(line, result.stderr).toBeDefined();
  expect(line).toMatch(expected);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack frames
  expect(result.stderr).not.toContain("Unhandled 'error' event");
}

describe("npm start refuses to start with a sentence", () => {
  it("names a taken app port and the variable to change", async () => {
    const taken = await occupyPort();
    try {
      const result = await start({ PORT: String(taken.port), DATABASE_URL: "postgresql://x:y@127.0.0.1:1/z" });
      expectOneSentence(result, `Port ${taken.port} on 127.0.0.1 is already in use, so Faultline cannot listen there`);
      expect(result.stderr).toContain("set PORT to a free port");
    } finally {
      await taken.release();
    }
  });

  it("names a taken port of the embedded PostgreSQL", async () => {
    const taken = await occupyPort();
    try {
      const result = await start({ PORT: String(await freePort()), FAULTLINE_PG_PORT: String(taken.port), FAULTLINE_DATA_DIR: path.join(work, "port", "pgdata") });
      expectOneSentence(result, `Port ${taken.port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there`);
      expect(result.stderr).toContain("FAULTLINE_PG_PORT");
    } finally {
      await taken.release();
    }
  });

  it("says nothing answers at a wrong DATABASE_URL", async () => {
    const closed = await freePort();
    const result = await start({ PORT: String(await freePort()), DATABASE_URL: `postgresql://faultline:secret@127.0.0.1:${closed}/faultline` });
    expectOneSentence(result, `Nothing answers at 127.0.0.1:${closed} (connection refused)`);
    expect(result.stderr).not.toContain("secret");
  });

  it("says the password in DATABASE_URL is wrong, and which user", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.password = "not-the-password";
    const result = await start({ PORT: String(await freePort()), DATABASE_URL: url.toString() });
    expectOneSentence(result, `refused the password of user "${decodeURIComponent(url.username)}"`);
  });

  it("asks for FAULTLINE_SECRET_KEY with DATABASE_URL (channel secrets are encrypted with it)", async () => {
    const result = await start({ PORT: String(await freePort()), DATABASE_URL: process.env.DATABASE_URL!, FAULTLINE_SECRET_KEY: "" });
    expectOneSentence(result, "FAULTLINE_SECRET_KEY is required with DATABASE_URL");
  });

  it("says the database in DATABASE_URL does not exist", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/no_such_database_here";
    const result = await start({ PORT: String(await freePort()), DATABASE_URL: url.toString() });
    expectOneSentence(result, `The database "no_such_database_here" does not exist`);
  });

  it("names a bad variable the start script reads itself (trimmed, empty = unset, as lib/env.ts)", async () => {
    const port = await freePort();
    expectOneSentence(await start({ PORT: String(port), FAULTLINE_PG_PORT: "abc" }), 'FAULTLINE_PG_PORT must be a whole number from 1 to 65535, got "abc"');
    expectOneSentence(await start({ PORT: String(port), FAULTLINE_DEBUG: "verbose" }), 'FAULTLINE_DEBUG must be 1, true, yes or on, or 0, false, no or off, got "verbose"');
    expectOneSentence(await start({ PORT: "http", DATABASE_URL: "postgresql://x:y@127.0.0.1:1/z" }), 'PORT must be a whole number from 1 to 65535, got "http"');
  });

  it.skipIf(!isRoot)("explains a folder the postgres user cannot enter when run as root (initdb EACCES)", async () => {
    const closed = path.join(work, "private");
    fs.mkdirSync(closed, { mode: 0o700 });
    fs.chmodSync(closed, 0o700);
    const result = await start({ PORT: String(await freePort()), FAULTLINE_PG_PORT: String(await freePort()), FAULTLINE_DATA_DIR: path.join(closed, "pgdata") });
    expectOneSentence(result, `started as root from a folder other users cannot enter: ${closed} (mode 700)`);
    expect(result.stderr).toContain(`chmod o+x ${closed}`);
  });

  it.skipIf(!isRoot || !canMountTmpfs())("says the disk is full (embedded data directory on a full filesystem)", async () => {
    // A private mount namespace with a 4 MB tmpfs as the data directory's disk: nothing outside sees it.
    const disk = path.join(work, "tiny-disk");
    fs.mkdirSync(disk, { recursive: true, mode: 0o755 });
    const env = baseEnv({ PORT: String(await freePort()), FAULTLINE_PG_PORT: String(await freePort()), FAULTLINE_DATA_DIR: path.join(disk, "pgdata") });
    const script = `mount -t tmpfs -o size=4m,mode=755 tmpfs '${disk}' && exec '${process.execPath}' scripts/start.mjs`;
    const result = await runToEnd("unshare", ["--mount", "sh", "-c", script], { cwd: root, env, timeoutMs: 60_000 });
    expectOneSentence(result, new RegExp(`The disk holding ${disk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/pgdata is full`));
  });
});

describe("the server itself (scripts/server.mjs, what npm start runs last)", () => {
  it("stops on a bad setting with a sentence naming the variable, instead of answering every request 500", async () => {
    const result = await start({ DATABASE_URL: process.env.DATABASE_URL!, PORT: String(await freePort()), LOG_LEVEL: "loud", DATABASE_POOL_SIZE: "lots" }, ["scripts/server.mjs"]);
    expectOneSentence(result, /Invalid configuration: .*DATABASE_POOL_SIZE.*LOG_LEVEL|Invalid configuration: .*LOG_LEVEL.*DATABASE_POOL_SIZE/);
  });

  it("stops on a bad PORT or FAULTLINE_FAST_PATH, and on a bad spool bound or shutdown timeout (lib/env.ts)", async () => {
    const server = (extra: Record<string, string>) => start({ DATABASE_URL: process.env.DATABASE_URL!, PORT: "", ...extra }, ["scripts/server.mjs"]);
    expectOneSentence(await server({ PORT: "abc" }), 'PORT must be a whole number from 1 to 65535, got "abc"');
    expectOneSentence(await server({ PORT: String(await freePort()), FAULTLINE_FAST_PATH: "maybe" }), "FAULTLINE_FAST_PATH must be 1, true, yes or on");
    expectOneSentence(await server({ PORT: String(await freePort()), FAULTLINE_SPOOL_MAX_MB: "abc", FAULTLINE_SHUTDOWN_TIMEOUT_MS: "soon" }), /Invalid configuration: .*FAULTLINE_SPOOL_MAX_MB.*FAULTLINE_SHUTDOWN_TIMEOUT_MS/);
  });

  it("stops without FAULTLINE_SECRET_KEY", async () => {
    const result = await start({ DATABASE_URL: process.env.DATABASE_URL!, PORT: String(await freePort()), FAULTLINE_SECRET_KEY: "" }, ["scripts/server.mjs"]);
    expectOneSentence(result, "FAULTLINE_SECRET_KEY is not set");
  });

  it("stops on a database whose sealed secrets all name another key (restored with another key file)", async () => {
    const db = await cloneEmptyDatabase();
    try {
      const sealedWith = makeKeyring(randomBytes(32));
      const [workspace, project, key] = [randomUUID(), randomUUID(), randomUUID()];
      await db.exec(`
        INSERT INTO "Workspace" (id, name, slug) VALUES ('${workspace}', 'W', 'restored-w');
        INSERT INTO "Project" (id, "workspaceId", name, slug) VALUES ('${project}', '${workspace}', 'P', 'p');
        INSERT INTO "IngestKey" (id, "projectId", name, "keyHash", "keyPrefix", "keySealed")
          VALUES ('${key}', '${project}', 'a', 'hash-a', 'a', '${sealIngestKey(key, "the-key", sealedWith)}');
      `);
      const current = randomBytes(32);
      const result = await start({ DATABASE_URL: db.url, PORT: String(await freePort()), FAULTLINE_SECRET_KEY: current.toString("hex") }, ["scripts/server.mjs"]);
      expectOneSentence(result, `the database holds 1 value sealed with key ${sealedWith.current.id} and none with FAULTLINE_SECRET_KEY (key ${keyId(current)})`);
      expect(result.stderr).toContain("FAULTLINE_SECRET_KEY_LOST=1");
    } finally {
      await db.drop();
    }
  });
});

describe("the container's start refuses with a sentence too", () => {
  it("without DATABASE_URL", async () => {
    const result = await start({}, ["scripts/container/serve.mjs"]);
    expectOneSentence(result, "DATABASE_URL is not set");
  });

  it("without FAULTLINE_SECRET_KEY", async () => {
    const result = await start({ DATABASE_URL: process.env.DATABASE_URL!, FAULTLINE_SECRET_KEY: "" }, ["scripts/container/serve.mjs"]);
    expectOneSentence(result, "FAULTLINE_SECRET_KEY is not set");
  });

  it("with a spool folder it cannot write", async () => {
    const file = path.join(work, "not-a-folder");
    fs.writeFileSync(file, "");
    const result = await start({ DATABASE_URL: process.env.DATABASE_URL!, FAULTLINE_SPOOL_DIR: path.join(file, "spool") }, ["scripts/container/serve.mjs"]);
    expectOneSentence(result, `The spool folder ${path.join(file, "spool")} is not writable`);
  });

  it("with a FAULTLINE_DB_WAIT_SECONDS that is not a number", async () => {
    const result = await start({ DATABASE_URL: process.env.DATABASE_URL!, FAULTLINE_DB_WAIT_SECONDS: "a minute" }, ["scripts/container/serve.mjs"]);
    expectOneSentence(result, 'FAULTLINE_DB_WAIT_SECONDS must be a whole number from 0 to 86400, got "a minute"');
  });

  it("with a DATABASE_URL nothing answers at, after waiting FAULTLINE_DB_WAIT_SECONDS", async () => {
    const closed = await freePort();
    const result = await start({ DATABASE_URL: `postgresql://u:p@127.0.0.1:${closed}/faultline`, FAULTLINE_DB_WAIT_SECONDS: "0" }, ["scripts/container/serve.mjs"]);
    expectOneSentence(result, `Nothing answers at 127.0.0.1:${closed}`);
  });
});

function canMountTmpfs(): boolean {
  try {
    execFileSync("unshare", ["--mount", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
