import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";

/**
 * A Prisma error as the client throws it over @prisma/adapter-pg: the SQLSTATE only in
 * meta.driverAdapterError.cause, no `cause` (the shapes below were printed from real failures against
 * PostgreSQL 18: a read-only server, a role out of connections, a backend terminated, a statement timeout).
 */
const prismaError = (code: string, cause: Record<string, unknown>, modelName?: string) =>
  new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.errorGroup.updateMany()` invocation:\n", {
    code,
    clientVersion: "7.10.1",
    meta: { ...(modelName && { modelName }), driverAdapterError: { name: "DriverAdapterError", cause } },
  });
const postgres = (sqlstate: string, message: string) => ({ originalCode: sqlstate, originalMessage: message, kind: "postgres", code: sqlstate, severity: "ERROR", message });

describe("isDatabaseUnavailable", () => {
  it("recognises pg, network and Prisma forms of an unreachable database, also as a cause", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "P1017" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("counts a server out of disk, memory or I/O as unavailable (the request is fine: spool it)", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('could not extend file "base/16384/16500": No space left on device'), { code: "53100" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("out of memory"), { code: "53200" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("could not write to file"), { code: "58030" }))).toBe(true);
  });

  it("looks inside Prisma's driver-adapter errors: read-only, restarting, terminated, out of connections, socket timeout", () => {
    // PATCH /api/v1/errors/:id against a read-only server (default_transaction_read_only): a model query's P2039.
    expect(isDatabaseUnavailable(prismaError("P2039", postgres("25006", "cannot execute UPDATE in a read-only transaction"), "ErrorGroup"))).toBe(true);
    // The same through a raw query: P2010.
    expect(isDatabaseUnavailable(prismaError("P2010", postgres("25006", "cannot execute UPDATE in a read-only transaction")))).toBe(true);
    // A restart: the backend terminated, then "the database system is starting up".
    expect(isDatabaseUnavailable(prismaError("P2010", { ...postgres("57P01", "terminating connection due to administrator command"), severity: "FATAL" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2039", { ...postgres("57P03", "the database system is starting up"), severity: "FATAL" }, "ErrorGroup"))).toBe(true);
    // Out of connections: @prisma/adapter-pg maps 53300 to its own kind, a model query's code P2037, a raw query's P2010.
    const tooMany = { originalCode: "53300", originalMessage: 'too many connections for role "app"', kind: "TooManyConnections", cause: 'too many connections for role "app"' };
    expect(isDatabaseUnavailable(prismaError("P2037", tooMany, "Workspace"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", tooMany))).toBe(true);
    // A socket timeout (P1008) and a closed connection in a raw query (P2010 with only the adapter's kind).
    expect(isDatabaseUnavailable(prismaError("P1008", { kind: "SocketTimeout" }, "Workspace"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", { kind: "ConnectionClosed" }))).toBe(true);
  });

  it("leaves errors in what was asked alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("record not found"), { code: "P2025" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    // A statement timeout is the query's own doing, a unique violation the request's.
    expect(isDatabaseUnavailable(prismaError("P2039", postgres("57014", "canceling statement due to statement timeout"), "Workspace"))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("P2002", { originalCode: "23505", originalMessage: "duplicate key", kind: "UniqueConstraintViolation", constraint: { fields: ["slug"] } }))).toBe(false);
  });
});
