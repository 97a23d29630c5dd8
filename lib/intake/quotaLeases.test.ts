import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { QuotaLeases, type LeaseTokens } from "@/lib/intake/quotaLeases";

const WINDOW_MS = 60_000;
const leases = (lease: LeaseTokens) =>
  new QuotaLeases({
    windowMs: WINDOW_MS,
    lease,
    refuse: (limit, retryAfter) => new ApiError(429, "rate_limited", `limit ${limit}`, { retryAfter }, { "retry-after": String(retryAfter) }),
  });

/** A shared counter as the database keeps it: every ask added, the part under the limit granted. */
function sharedCounter() {
  const counts = new Map<string, number>();
  const asks: number[] = [];
  const lease = async (projectId: string, windowStart: number, want: number, limit: number) => {
    asks.push(want);
    const key = `${projectId}@${windowStart}`;
    const before = counts.get(key) ?? 0;
    counts.set(key, before + want);
    return Math.max(0, Math.min(want, limit - before));
  };
  return { lease, asks };
}

const T0 = 10 * WINDOW_MS + 1_000;

describe("QuotaLeases", () => {
  it("admits exactly the limit across instances sharing one counter, then refuses with 429", async () => {
    const counter = sharedCounter();
    const a = leases(counter.lease);
    const b = leases(counter.lease);
    let admitted = 0;
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      try {
        await (i % 3 === 0 ? a : b).take("p", 200, 1, T0);
        admitted++;
      } catch (error) {
        expect((error as { status: number }).status).toBe(429);
        refused++;
      }
    }
    // Tokens a leased but never used are lost for the window: at most a chunk (10) per instance.
    expect(admitted).toBeLessThanOrEqual(200);
    expect(admitted).toBeGreaterThanOrEqual(180);
    expect(refused).toBe(300 - admitted);
  });

  it("does not ask the counter on every request", async () => {
    const counter = sharedCounter();
    const q = leases(counter.lease);
    for (let i = 0; i < 100; i++) await q.take("p", 6_000, 1, T0);
    expect(counter.asks).toEqual([300]); // one chunk of a twentieth of the limit covers them all
  });

  it("refuses a request whose events do not fit and gives its tokens back", async () => {
    const counter = sharedCounter();
    const q = leases(counter.lease);
    const ticket = await q.take("p", 3, 1, T0);
    await expect(ticket.extend(5)).rejects.toMatchObject({ status: 429 });
    for (let i = 0; i < 3; i++) await q.take("p", 3, 1, T0);
    await expect(q.take("p", 3, 1, T0)).rejects.toMatchObject({ status: 429, headers: { "retry-after": "59" } });
  });

  it("starts over in the next window", async () => {
    const counter = sharedCounter();
    const q = leases(counter.lease);
    for (let i = 0; i < 3; i++) await q.take("p", 3, 1, T0);
    await expect(q.take("p", 3, 1, T0)).rejects.toMatchObject({ status: 429 });
    await q.take("p", 3, 1, T0 + WINDOW_MS);
  });

  it("never limits a project without a limit; a limit of 0 admits nothing", async () => {
    const counter = sharedCounter();
    const q = leases(counter.lease);
    for (let i = 0; i < 10; i++) await (await q.take("p", null, 1, T0)).extend(1000);
    expect(counter.asks).toEqual([]);
    await expect(q.take("p", 0, 1, T0)).rejects.toMatchObject({ status: 429 });
  });

  it("admits again within the window once the limit is raised, on this instance or another, up to the new limit", async () => {
    const counter = sharedCounter();
    const daily = () => new QuotaLeases({ windowMs: 86_400_000, lease: counter.lease, refuse: (limit, retryAfter) => new ApiError(429, "quota_exceeded", `quota ${limit}`, { retryAfter }) });
    const [a, b] = [daily(), daily()];
    const noon = Date.UTC(2026, 0, 5, 12, 0, 0);
    for (let i = 0; i < 3; i++) await a.take("p", 3, 1, noon);
    await expect(a.take("p", 3, 1, noon)).rejects.toMatchObject({ status: 429 });
    await expect(b.take("p", 3, 1, noon)).rejects.toMatchObject({ status: 429 });
    // Still refused in memory under the same limit: no lease per refused request.
    const asked = counter.asks.length;
    await expect(a.take("p", 3, 1, noon + 1000)).rejects.toMatchObject({ status: 429 });
    expect(counter.asks.length).toBe(asked);
    // The quota goes up to 10 (the settings reach each instance): both lease again, and together admit
    // what the new limit leaves (the counter holds the 3 used and the asks refused: it may admit a little less).
    let admitted = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await (i % 2 ? a : b).take("p", 10, 1, noon + 2000);
        admitted++;
      } catch (error) {
        expect(error).toMatchObject({ status: 429, message: "quota 10" });
      }
    }
    expect(admitted).toBeGreaterThanOrEqual(4);
    expect(admitted).toBeLessThanOrEqual(7);
    // Lowered again below what was used: refused, without a lease.
    const before = counter.asks.length;
    await expect(a.take("p", 5, 1, noon + 3000)).rejects.toMatchObject({ status: 429 });
    expect(counter.asks.length).toBe(before);
  });

  it("a raised per-minute limit counts at once too", async () => {
    const counter = sharedCounter();
    const q = leases(counter.lease);
    for (let i = 0; i < 2; i++) await q.take("p", 2, 1, T0);
    await expect(q.take("p", 2, 1, T0)).rejects.toMatchObject({ status: 429 });
    await q.take("p", 100, 1, T0 + 1000);
  });

  it("counts days as UTC days", async () => {
    const counter = sharedCounter();
    const day = new QuotaLeases({ windowMs: 86_400_000, lease: counter.lease, refuse: (limit, retryAfter) => new ApiError(429, "quota_exceeded", "", { retryAfter }) });
    const lateEvening = Date.UTC(2026, 0, 5, 23, 0, 0);
    for (let i = 0; i < 2; i++) await day.take("p", 2, 1, lateEvening);
    await expect(day.take("p", 2, 1, lateEvening)).rejects.toMatchObject({ details: { retryAfter: 3600 } });
    await day.take("p", 2, 1, Date.UTC(2026, 0, 6, 0, 0, 1));
  });
});
