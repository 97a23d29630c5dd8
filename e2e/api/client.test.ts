import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  captureException,
  captureMessage,
  circuitBreaker,
  close,
  flush,
  init,
  setTag,
  setUser,
  withFallback,
  withRetry,
  withTimeout,
} from "@faultline/client";
import { onRequestError } from "@faultline/client/next";
import { query } from "@/e2e/support/dbCounts";
import { startFaultProxy, type FaultProxy } from "@/e2e/support/faultProxy";
import { BASE_URL, createTenant, getJson, login, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * @faultline/client (the Node build, as `npm install` built it) against the running app over real
 * HTTP: what it sends is stored, its recovery helpers fill the workspace view's recovery section,
 * 503/429 are retried without duplicates, and its Next.js and process hooks report.
 */
interface StoredOccurrence {
  eventId: string;
  type: string;
  message: string;
  parentEventId: string | null;
  parentOccurrenceId: string | null;
  recovered: boolean | null;
  recoveryMethod: string | null;
  recoveryDurationMs: number | null;
  recoveryAutomatic: boolean | null;
  userId: string | null;
  environment: string | null;
  tags: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurrenceCount: number;
}

function occurrencesOf(projectId: string): Promise<StoredOccurrence[]> {
  return query<StoredOccurrence>(
    `SELECT o."eventId", g.type, o.message, o."parentEventId", o."parentOccurrenceId"::text, o.recovered, o."recoveryMethod",
       o."recoveryDurationMs", o."recoveryAutomatic", o."userId", o.environment, o.tags, o.metadata, g."occurrenceCount"
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."projectId" = $1 ORDER BY o."occurredAt", o.id`,
    [projectId],
  );
}

const clientOptions = (t: Tenant, url = BASE_URL) => ({ url, key: t.key, environment: "test", release: "shop@1.0.0", globalHandlers: false, flushIntervalMs: 20 });

afterEach(async () => {
  await close(10_000);
});

describe("@faultline/client over HTTP", () => {
  it("stores what it captures, with scope, severity and a stack, exactly as flush() promised", async () => {
    const t = await createTenant("cl-basic");
    init(clientOptions(t));
    setUser({ id: "user-42" });
    setTag("region", "eu-west");
    const errorId = captureException(new RangeError("quantity out of range"), { tags: { step: "cart" } });
    const messageId = captureMessage("payment provider slow", "warning");
    const chainedId = captureException(new Error("checkout failed", { cause: new TypeError("card declined") }));
    expect(await flush(15_000)).toBe(true);

    const stored = await occurrencesOf(t.projectId);
    const error = stored.find((o) => o.eventId === errorId)!;
    expect(error).toMatchObject({ type: "RangeError", message: "quantity out of range", userId: "user-42", environment: "test" });
    expect(error.tags).toMatchObject({ region: "eu-west", step: "cart" });
    const message = stored.find((o) => o.eventId === messageId)!;
    expect(message).toMatchObject({ type: "Message", message: "payment provider slow" });
    // The cause is part of the stored chain, with its own frames (what the issue page shows).
    const [chained] = await query<{ exceptions: { type: string; message: string; relation: string; frames: unknown[] }[] }>(
      `SELECT exceptions FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`,
      [t.projectId, chainedId],
    );
    expect(chained.exceptions.map((e) => [e.relation, e.type, e.message])).toEqual([
      ["raised", "Error", "checkout failed"],
      ["cause", "TypeError", "card declined"],
    ]);
    expect(chained.exceptions[1].frames.length).toBeGreaterThan(0);
    const details = await (await getJson(`/api/v1/errors?projectId=${t.projectId}&q=quantity`, { key: t.key })).json();
    expect(details.items[0]).toMatchObject({ type: "RangeError" });
  });

  it("its recovery helpers fill the workspace view's recovery section and link retries to the first failure", async () => {
    const t = await createTenant("cl-recovery");
    init(clientOptions(t));
    class InventoryTimeout extends Error {
      name = "InventoryTimeout";
    }
    class PriceCacheMiss extends Error {
      name = "PriceCacheMiss";
    }
    class LedgerUnavailable extends Error {
      name = "LedgerUnavailable";
    }
    class FxRatesDown extends Error {
      name = "FxRatesDown";
    }

    // retry that recovers on the third attempt; retry that never does
    let calls = 0;
    expect(await withRetry(async () => (++calls < 3 ? Promise.reject(new InventoryTimeout(`try ${calls}`)) : "stock"), { attempts: 4, backoff: 5, name: "inventory" })).toBe("stock");
    await expect(withRetry(async () => Promise.reject(new LedgerUnavailable("ledger offline")), { attempts: 2, backoff: 5 })).rejects.toThrow("ledger offline");
    // fallback that answers; fallback whose own fallback fails (a chain of two groups)
    expect(await withFallback(async () => Promise.reject(new PriceCacheMiss("no price for sku-1")), 9.99)).toBe(9.99);
    await expect(withFallback(async () => Promise.reject(new FxRatesDown("rates stale")), async () => Promise.reject(new LedgerUnavailable("no cached rates")))).rejects.toThrow();
    // a timeout on its own
    await expect(withTimeout(() => new Promise(() => undefined), 30, { name: "slow-report" })).rejects.toThrow("timed out");
    // a circuit that opens and closes again
    let healthy = false;
    const pay = circuitBreaker(async () => (healthy ? "paid" : Promise.reject(new Error("psp 502"))), { threshold: 2, resetAfter: 50, name: "psp" });
    await expect(pay()).rejects.toThrow();
    await expect(pay()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 60));
    healthy = true;
    expect(await pay()).toBe("paid");
    expect(await flush(15_000)).toBe(true);

    const stored = await occurrencesOf(t.projectId);
    const outcomes = stored.filter((o) => o.recovered !== null);
    expect(outcomes.map((o) => [o.type, o.recoveryMethod, o.recovered, o.recoveryAutomatic]).sort()).toEqual(
      [
        ["InventoryTimeout", "retry", true, true],
        ["LedgerUnavailable", "retry", false, true],
        ["PriceCacheMiss", "fallback", true, true],
        ["FxRatesDown", "fallback", false, true],
        ["TimeoutError", "timeout", false, true],
        ["Error", "circuit_breaker", true, true],
      ].sort(),
    );
    // The second failed inventory attempt points at the first, and the link is resolved in the database.
    const first = stored.find((o) => o.type === "InventoryTimeout" && o.recovered !== null)!;
    const retried = stored.find((o) => o.type === "InventoryTimeout" && o.parentEventId === first.eventId)!;
    expect(retried.parentOccurrenceId).not.toBeNull();
    expect(first.metadata).toMatchObject({ retry: { attempts: 3, maxAttempts: 4 } });

    const view = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=1h`, { cookie: await login(t.viewer) })).json();
    const methods = Object.fromEntries(view.recovery.recoveryMethods.map((m: { method: string }) => [m.method, m]));
    expect(methods.retry).toMatchObject({ usageCount: 2, successRate: 50 });
    expect(methods.fallback).toMatchObject({ usageCount: 2, successRate: 50 });
    expect(methods.timeout).toMatchObject({ usageCount: 1, successRate: 0 });
    expect(methods.circuit_breaker).toMatchObject({ usageCount: 1, successRate: 100 });
    expect(view.recovery.outcomesReported).toBe(6);
    // 3 of 6 outcomes recovered on their own.
    expect(view.overview.autoRecoveryRate).toBe(50);
    expect(view.recovery.failedRecoveries.map((f: { type: string }) => f.type).sort()).toEqual(["FxRatesDown", "LedgerUnavailable", "TimeoutError"]);
    // The fallback that failed links two groups: an error chain FxRatesDown → LedgerUnavailable.
    expect(view.correlations.errorChains).toEqual(expect.arrayContaining([expect.objectContaining({ rootError: "FxRatesDown", cascadingErrors: ["LedgerUnavailable"] })]));
  });
});

describe("transport faults", () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(BASE_URL);
  });
  afterAll(async () => {
    await proxy.close();
  });

  it("waits out 503 and 429 (Retry-After), resends a batch whose answer was lost, and stores each event once", async () => {
    const t = await createTenant("cl-faults");
    const script = [
      { kind: "fail", status: 503, retryAfter: "1" },
      { kind: "fail", status: 429, retryAfter: "1" },
      { kind: "loseAnswer" },
    ] as const;
    proxy.setPolicy((nth) => script[nth] ?? { kind: "forward" });
    init(clientOptions(t, proxy.url));
    const ids = ["CartError", "StockError", "PriceError"].map((type) => {
      const error = new Error(`${type} while checking out`);
      error.name = type;
      return captureException(error);
    });
    expect(await flush(30_000)).toBe(true);

    expect(proxy.requests.map((r) => r.answered)).toEqual([503, 429, 503, 202]);
    for (const r of proxy.requests) expect(r.eventIds).toEqual(ids);
    // Retry-After: 1 was honoured both times.
    expect(proxy.requests[1].at - proxy.requests[0].at).toBeGreaterThanOrEqual(950);
    expect(proxy.requests[2].at - proxy.requests[1].at).toBeGreaterThanOrEqual(950);

    const stored = await occurrencesOf(t.projectId);
    expect(stored.map((o) => o.eventId).sort()).toEqual([...ids].sort());
    expect(stored.every((o) => o.occurrenceCount === 1)).toBe(true);
  });
});

describe("the events endpoint for browsers", () => {
  it("takes the key in the query and a text/plain body (sendBeacon), with CORS", async () => {
    const t = await createTenant("cl-beacon");
    const res = await fetch(`${BASE_URL}/api/v1/events?key=${encodeURIComponent(t.key)}`, {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "http://shop.example" },
      body: JSON.stringify({ events: [{ eventId: "beacon-1", type: "BeaconError", message: "sent at page hide" }] }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("retry-after");
    expect((await occurrencesOf(t.projectId)).map((o) => o.eventId)).toEqual(["beacon-1"]);

    const wrong = await fetch(`${BASE_URL}/api/v1/events?key=not-a-key`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("access-control-allow-origin")).toBe("*");

    const preflight = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "OPTIONS",
      headers: { origin: "http://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-faultline-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-faultline-key");
  });
});

describe("Next.js and Node process hooks", () => {
  it("onRequestError reports the route, method and router, without cookies or authorization", async () => {
    const t = await createTenant("cl-next");
    init(clientOptions(t));
    await onRequestError(
      Object.assign(new Error("order not loaded"), { digest: "1234567" }),
      { path: "/orders/17?tab=items", method: "GET", headers: { cookie: "session=secret-cookie", authorization: "Bearer secret-token", "user-agent": "test-agent" } },
      { routerKind: "App Router", routePath: "/orders/[id]", routeType: "render", renderSource: "react-server-components" },
    );
    expect(await flush(15_000)).toBe(true);
    const [stored] = await occurrencesOf(t.projectId);
    expect(stored.tags).toMatchObject({ route: "/orders/[id]", method: "GET", routerKind: "App Router", mechanism: "next.onRequestError" });
    expect(stored.metadata).toMatchObject({ request: { path: "/orders/17?tab=items", headers: { "user-agent": "test-agent" } }, next: { digest: "1234567" } });
    expect(JSON.stringify(stored.metadata)).not.toMatch(/secret-cookie|secret-token/);
  });

  it("reports an uncaught exception, then exits 1 as Node would; sends what is queued before a normal exit", async () => {
    const t = await createTenant("cl-process");
    const child = (mode: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const proc = spawn(process.execPath, [path.resolve(import.meta.dirname, "../support/clientProcessChild.mjs"), mode], {
          env: { ...process.env, FAULTLINE_URL: BASE_URL, FAULTLINE_KEY: t.key },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        proc.stderr.on("data", (d) => (stderr += d));
        proc.on("exit", (code) => resolve({ code, stderr }));
      });
    const crash = await child("crash");
    expect(crash.code).toBe(1);
    expect(crash.stderr).toContain("ChildCrash: boom from the child");
    const quiet = await child("exit");
    expect(quiet.code).toBe(0);

    const stored = await waitFor(async () => {
      const rows = await occurrencesOf(t.projectId);
      return rows.length >= 2 ? rows : undefined;
    });
    expect(stored.find((o) => o.type === "ChildCrash")).toMatchObject({ tags: expect.objectContaining({ handled: "no", mechanism: "uncaughtException" }) });
    expect(stored.find((o) => o.type === "ChildQuietError")).toBeDefined();
  });
});
