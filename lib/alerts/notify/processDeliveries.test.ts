import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * A webhook delivery whose receiver answered just as PostgreSQL went away: recording the outcome
 * fails as unavailable for a while. It is recorded once PostgreSQL is back — within the lease —
 * instead of the lease running out and the `alert-deliveries` job sending it a second time.
 */
const state = vi.hoisted(() => ({ recordFailures: 0, recorded: [] as unknown[], sent: [] as string[] }));
vi.mock("@/lib/env", () => ({ env: () => ({ ALERT_DELIVERY_TIMEOUT_MS: 5_000, ALERT_DELIVERY_MAX_ATTEMPTS: 6, PUBLIC_URL: "https://faultline.example.com" }) }));
vi.mock("@/lib/alerts/notify/claimDeliveries", () => ({ claimDeliveries: async () => ["d1"] }));
vi.mock("@/lib/alerts/notify/loadDeliveries", () => ({
  loadDeliveries: async () => [
    {
      id: "d1",
      workspaceId: "w1",
      stage: "initial",
      attempts: 1,
      channel: { id: "c1", kind: "webhook", enabled: true, config: {}, secrets: null },
      alert: {
        id: "a1",
        title: "Critical error: PaymentError",
        severity: "critical",
        status: "active",
        ruleName: "Critical error",
        ruleKind: "severity_count",
        value: 1,
        threshold: 1,
        count: 1,
        firedAt: new Date(),
        acknowledgedAt: null,
        resolvedAt: null,
        resolution: null,
        errorGroup: null,
        project: { id: "p1", name: "checkout" },
        workspace: { id: "w1", name: "Acme" },
      },
    },
  ],
}));
vi.mock("@/lib/alerts/notify/sendNotification", () => ({
  sendNotification: async (_channel: unknown, _context: unknown, deliveryId: string) => {
    state.sent.push(deliveryId);
    return { ok: true, status: 200, durationMs: 1500 };
  },
}));
vi.mock("@/lib/alerts/notify/recordAttempt", () => ({
  recordAttempt: async (input: unknown) => {
    if (state.recordFailures-- > 0) throw Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    state.recorded.push(input);
  },
}));

const { processDeliveries } = await import("@/lib/alerts/notify/processDeliveries");

describe("processDeliveries while PostgreSQL restarts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    state.recordFailures = 0;
    state.recorded = [];
    state.sent = [];
  });
  afterEach(() => vi.useRealTimers());

  it("records a sent delivery's outcome once PostgreSQL is back, within the lease, sending it once", async () => {
    state.recordFailures = 6;
    const run = processDeliveries();
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(run).resolves.toMatchObject({ attempted: 1, delivered: 1 });
    expect(state.sent).toEqual(["d1"]);
    expect(state.recorded).toEqual([expect.objectContaining({ deliveryId: "d1", decision: expect.objectContaining({ status: "delivered" }) })]);
  });

  it("gives up before the lease runs out (5 s timeout + 30 s, less a 5 s margin) when PostgreSQL stays away", async () => {
    state.recordFailures = 1_000;
    let outcome: unknown = "pending";
    void processDeliveries().then(
      () => (outcome = "resolved"),
      (error: unknown) => (outcome = error),
    );
    // Still trying 25 s in; given up by 30 s, when the lease has 5 s left.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(outcome).toMatchObject({ code: "P1001" });
    expect(state.recorded).toEqual([]);
  });
});
