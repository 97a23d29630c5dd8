import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";

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

  it("leaves errors in what was asked alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("record not found"), { code: "P2025" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
