import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  assertEnoughDisk,
  assertPortFree,
  describeDatabaseError,
  describeEmbeddedFailure,
  describeStartupError,
  findClosedFolder,
  formatBytes,
  StartupError,
} from "./startupChecks.mjs";

const url = new URL("postgresql://faultline:secret@db.internal:5433/faultline_prod");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fl-startup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("wrong DATABASE_URL → a sentence naming what is wrong", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, "Nothing answers at db.internal:5433 (connection refused)"],
    [{ code: "ENOTFOUND" }, 'The host "db.internal" in DATABASE_URL cannot be found'],
    [{ code: "28P01", message: "password authentication failed" }, 'refused the password of user "faultline"'],
    [{ code: "3D000", message: 'database "faultline_prod" does not exist' }, 'The database "faultline_prod" does not exist on db.internal:5433'],
    [{ code: "53300" }, "no free connection slots"],
    [{ message: "The server does not support SSL connections" }, "does not accept SSL"],
    [{ message: "Connection terminated due to connection timeout" }, "did not answer within 10 s"],
  ])("%o", (error, expected) => {
    const described = describeDatabaseError(error, url);
    expect(described).toBeInstanceOf(StartupError);
    expect(described.message).toContain(expected);
    expect(described.message).not.toContain("secret");
  });
});

describe("embedded PostgreSQL output → a sentence", () => {
  const ctx = { dataDir: "/srv/faultline/.faultline/pgdata", port: 5460 };
  it("reads a full disk from initdb's output", () => {
    const log = 'initdb: error: could not write to file "/srv/faultline/.faultline/pgdata/base/1/1259": No space left on device';
    expect(describeEmbeddedFailure(log, ctx).message).toMatch(/^The disk holding \/srv\/faultline\/\.faultline\/pgdata is full/);
  });
  it("reads a taken port from the postmaster's output", () => {
    const log = 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets';
    expect(describeEmbeddedFailure(log, ctx).message).toContain("Port 5460 on localhost is already in use");
  });
  it("reads a data directory held by another server", () => {
    const log = 'FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/srv/faultline/.faultline/pgdata"?';
    expect(describeEmbeddedFailure(log, ctx).message).toContain("Another PostgreSQL (pid 4242)");
  });
  it("reads a permission problem", () => {
    const log = 'initdb: error: could not access directory "/srv/faultline/.faultline/pgdata": Permission denied';
    expect(describeEmbeddedFailure(log, ctx).message).toContain("may not use /srv/faultline/.faultline/pgdata (permission denied)");
  });
  it("falls back to the last lines of the output, on one line", () => {
    expect(describeEmbeddedFailure("FATAL: something new\n", ctx).message).toBe(
      "The embedded PostgreSQL did not start: FATAL: something new. Its data directory is /srv/faultline/.faultline/pgdata.",
    );
  });
});

describe("checks on this machine", () => {
  it("finds a taken port", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await expect(assertPortFree(port, { host: "127.0.0.1", what: "Faultline", envVar: "PORT" })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use, so Faultline cannot listen there`,
    );
    await new Promise((resolve) => server.close(resolve));
    await expect(assertPortFree(port, { host: "127.0.0.1", what: "Faultline", envVar: "PORT" })).resolves.toBeUndefined();
  });

  it("finds the outermost folder others cannot enter", () => {
    const closed = path.join(tmp, "closed");
    fs.mkdirSync(path.join(closed, "inner", "deeper"), { recursive: true });
    fs.chmodSync(tmp, 0o755);
    fs.chmodSync(closed, 0o700);
    fs.chmodSync(path.join(closed, "inner"), 0o700);
    expect(findClosedFolder(path.join(closed, "inner", "deeper", "pgdata"))).toBe(closed);
    fs.chmodSync(closed, 0o711);
    fs.chmodSync(path.join(closed, "inner"), 0o711);
    expect(findClosedFolder(path.join(closed, "inner", "deeper"))).toBeNull();
  });

  it("refuses a disk without enough free space", () => {
    expect(() => assertEnoughDisk(path.join(tmp, "not-yet", "pgdata"), { minBytes: Number.MAX_SAFE_INTEGER })).toThrow(/is full: .* free, and PostgreSQL needs at least/);
    expect(() => assertEnoughDisk(tmp, { minBytes: 1 })).not.toThrow();
  });
});

describe("anything else is still one line", () => {
  it("spells out system errors and cuts multi-line messages", () => {
    expect(describeStartupError(Object.assign(new Error("x"), { code: "ENOSPC", path: "/data/x" }))).toBe("The disk is full (/data/x): free some space and start again.");
    expect(describeStartupError(new Error("first line\n    at stack"))).toBe("first line");
    expect(describeStartupError(undefined)).toBe("unknown error");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});
