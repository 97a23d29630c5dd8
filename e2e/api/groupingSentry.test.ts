import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/** The real @sentry/node SDK (linked errors on, as by default) reporting errors with causes. */
let t: Tenant;

beforeAll(async () => {
  t = await createTenant("sentry-chain");
  const url = new URL(BASE_URL);
  Sentry.init({
    dsn: `http://${t.key}@${url.host}/${t.projectPublicId}`,
    release: "shop@2.4.0",
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration()],
  });
});

afterAll(async () => {
  await Sentry.close(2000);
});

function reserveStock(orderId: number): void {
  throw new TypeError(`stock service answered 503 for sku-${orderId}`);
}

function chargeCard(orderId: number): void {
  throw new RangeError(`amount out of range for order ${orderId}`);
}

/** One raise site: whatever step fails, the order error is thrown here with the step's error as cause. */
function placeOrder(orderId: number, step: (orderId: number) => void = reserveStock): Error {
  try {
    step(orderId);
  } catch (cause) {
    return new Error(`order ${orderId} could not be placed`, { cause });
  }
  return new Error("unreachable");
}

describe("@sentry/node: new Error(…, { cause })", () => {
  it("is one issue holding the whole chain, counted once per event", async () => {
    for (const id of [101, 202]) Sentry.captureException(placeOrder(id));
    await Sentry.flush(5000);
    const groups = await waitFor(async () => {
      const g = await query<{ id: string; type: string; message: string; occurrenceCount: number }>(
        `SELECT id, type, message, "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1`,
        [t.projectId],
      );
      return g.length === 1 && g[0].occurrenceCount === 2 ? g : undefined;
    });
    expect(groups[0]).toMatchObject({ type: "Error", occurrenceCount: 2 });
    expect(groups[0].message).toMatch(/^order (101|202) could not be placed$/);
    const occurrences = await query<{ exceptions: { type: string; message: string; frames: { function?: string }[] }[] }>(
      `SELECT exceptions FROM "ErrorOccurrence" WHERE "groupId" = $1`,
      [groups[0].id],
    );
    for (const o of occurrences) {
      expect(o.exceptions.map((e) => e.type)).toEqual(["Error", "TypeError"]);
      expect(o.exceptions[1].message).toMatch(/^stock service answered 503 for sku-\d+$/);
      expect(o.exceptions[1].frames.map((f) => f.function)).toContain("reserveStock");
    }
  });

  it("keeps the same raise site with another cause apart", async () => {
    Sentry.captureException(placeOrder(303, chargeCard));
    await Sentry.flush(5000);
    const groups = await waitFor(async () => {
      const g = await query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
      return g.length === 2 ? g : undefined;
    });
    expect(groups.map((g) => g.type)).toEqual(["Error", "Error"]);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "projectId" = $1 AND type IN ('TypeError', 'RangeError')`, [t.projectId]);
    expect(n).toBe(0);
  });
});
