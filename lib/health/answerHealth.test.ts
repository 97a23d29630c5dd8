import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const ping = vi.hoisted(() => ({ answers: true, calls: 0 }));
vi.mock("@/lib/db/ping", () => ({
  pingDatabase: async () => {
    ping.calls++;
    return ping.answers;
  },
}));
const spool = vi.hoisted(() => ({ writeFailedAt: null as number | null }));
vi.mock("@/lib/spool/spoolRuntime", () => ({
  spoolStatus: () => ({ spooling: !ping.answers, since: null, bytes: 0, maxBytes: 1024, dir: "/var/lib/faultline/spool", full: false, lagMs: 0, writeFailedAt: spool.writeFailedAt }),
}));
vi.mock("@/lib/env", () => ({ env: () => ({ INGEST_ACK: "commit" }) }));

const { answerHealth } = await import("@/lib/health/answerHealth");
const { startDraining, inFlightCount } = await import("@/lib/http/inFlight");

const request = () => new Request("http://127.0.0.1:3000/api/health", { headers: { "x-request-id": "health-check-1" } });

describe("GET /api/health (answerHealth)", () => {
  beforeEach(() => {
    ping.answers = true;
    ping.calls = 0;
    spool.writeFailedAt = null;
  });
  afterEach(() => {
    // The in-flight state lives on globalThis: the next test starts serving again.
    delete (globalThis as { faultlineInFlight?: unknown }).faultlineInFlight;
  });

  it("answers ok (200) with the request id while serving, and degraded (200) while the database is away", async () => {
    const res = await answerHealth(request());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: true, spool: { spooling: false, since: null, bytes: 0, maxBytes: 1024 } });
    expect(res.headers.get("x-request-id")).toBe("health-check-1");
    expect(res.headers.get("cache-control")).toBe("no-store");
    ping.answers = false;
    const degraded = await answerHealth(request());
    expect(degraded.status).toBe(200);
    expect((await degraded.json()).status).toBe("degraded (spooling)");
    expect(inFlightCount()).toBe(0);
  });

  it("answers 503 unavailable with Retry-After while the database is away and the spool's disk fails every write", async () => {
    ping.answers = false;
    spool.writeFailedAt = Date.now();
    const res = await answerHealth(request());
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(await res.json()).toEqual({ status: "unavailable", database: false, spool: { spooling: true, since: null, bytes: 0, maxBytes: 1024 } });
  });

  it("answers 503 shutting down, without asking the database, while the instance drains", async () => {
    startDraining();
    const res = await answerHealth(request());
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "shutting down" });
    expect(res.headers.get("connection")).toBe("close");
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("x-request-id")).toBe("health-check-1");
    expect(ping.calls).toBe(0);
  });
});
