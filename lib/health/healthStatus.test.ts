import { describe, expect, it } from "vitest";
import { healthStatus, type HealthInput } from "@/lib/health/healthStatus";

const now = Date.parse("2026-12-08T10:00:00Z");
const idle = { spooling: false, bytes: 0, full: false, lagMs: 0, writeFailedAt: null };
const input = (over: Partial<Omit<HealthInput, "spool">> & { spool?: Partial<HealthInput["spool"]> } = {}): HealthInput => ({
  database: true,
  ack: "commit",
  now,
  ...over,
  spool: { ...idle, ...over.spool },
});

describe("healthStatus", () => {
  it("is ok while the database answers and nothing waits, in every INGEST_ACK mode", () => {
    expect(healthStatus(input())).toBe("ok");
    expect(healthStatus(input({ ack: "log", spool: { bytes: 4_000, lagMs: 12 } }))).toBe("ok");
    expect(healthStatus(input({ ack: "auto" }))).toBe("ok");
  });

  it("is degraded while the database does not answer, or ingest spools", () => {
    expect(healthStatus(input({ database: false }))).toBe("degraded (spooling)");
    expect(healthStatus(input({ spool: { spooling: true, bytes: 100 } }))).toBe("degraded (spooling)");
  });

  it("is degraded answering from the log while the log is not stored: PostgreSQL answers its ping but the replay cannot store (read-only), or falls behind", () => {
    // The replayer found the database unavailable for the spool's records (spoolStatus reports that as spooling).
    expect(healthStatus(input({ ack: "log", spool: { spooling: true, bytes: 40_603, lagMs: 800 } }))).toBe("degraded (spooling)");
    // The oldest record waits longer than a few seconds.
    expect(healthStatus(input({ ack: "log", spool: { bytes: 40_603, lagMs: 5_001 } }))).toBe("degraded (spooling)");
    expect(healthStatus(input({ ack: "log", spool: { bytes: 40_603, lagMs: 4_000 } }))).toBe("ok");
  });

  it("is unavailable when every event would be refused: spooled and the spool full, or its disk failing the writes", () => {
    expect(healthStatus(input({ database: false, spool: { full: true, bytes: 1 } }))).toBe("unavailable");
    expect(healthStatus(input({ ack: "log", spool: { full: true, bytes: 1 } }))).toBe("unavailable");
    // The spool's filesystem is full below FAULTLINE_SPOOL_MAX_MB: the last append failed a moment ago.
    expect(healthStatus(input({ database: false, spool: { writeFailedAt: now - 2_000 } }))).toBe("unavailable");
    expect(healthStatus(input({ ack: "log", spool: { writeFailedAt: now - 2_000 } }))).toBe("unavailable");
    // After a while it is tried again (a proxy sends again; the next failure says unavailable again).
    expect(healthStatus(input({ database: false, spool: { writeFailedAt: now - 11_000 } }))).toBe("degraded (spooling)");
  });

  it("stays available when events go straight to PostgreSQL although the spool could not take them", () => {
    expect(healthStatus(input({ spool: { writeFailedAt: now - 1_000 } }))).toBe("ok");
    expect(healthStatus(input({ ack: "auto", spool: { writeFailedAt: now - 1_000 } }))).toBe("ok");
    expect(healthStatus(input({ ack: "auto", spool: { writeFailedAt: now - 1_000, bytes: 10 } }))).toBe("unavailable");
  });
});
