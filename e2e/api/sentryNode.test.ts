import { spawn } from "node:child_process";
import path from "node:path";
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/** The real, unmodified @sentry/node SDK pointed at the running app with a Faultline DSN. */
let t: Tenant;
let dsn: string;

interface StoredGroup {
  type: string;
  message: string;
  severity: string;
  occurrenceCount: number;
  platform: string | null;
  context: Record<string, unknown>;
}

async function groupsOf(projectId: string): Promise<StoredGroup[]> {
  return query<StoredGroup>(
    `SELECT type, message, severity::text, "occurrenceCount", platform, context FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY "firstSeen"`,
    [projectId],
  );
}

beforeAll(async () => {
  t = await createTenant("sentry-node");
  const url = new URL(BASE_URL);
  dsn = `http://${t.key}@${url.host}/${t.projectPublicId}`;
  Sentry.init({
    dsn,
    release: "shop@2.3.4",
    environment: "production",
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration()],
  });
});

afterAll(async () => {
  await Sentry.close(2000);
});

function failCheckout(orderId: number): Error {
  try {
    throw new Error(`checkout failed for order ${orderId}`);
  } catch (error) {
    return error as Error;
  }
}

describe("@sentry/node reports to Faultline unchanged", () => {
  it("groups captureException twice from the same call site into one group with count 2", async () => {
    Sentry.setUser({ id: "customer-9", email: "c9@example.com" });
    Sentry.setTag("agent_id", "agent-checkout");
    Sentry.addBreadcrumb({ category: "cart", message: "added item", level: "info" });
    for (const orderId of [101, 202]) Sentry.captureException(failCheckout(orderId));
    await Sentry.flush(5000);
    const groups = await waitFor(async () => {
      const g = (await groupsOf(t.projectId)).filter((x) => x.type === "Error");
      return g.length === 1 && g[0].occurrenceCount === 2 ? g : undefined;
    });
    expect(groups[0]).toMatchObject({ type: "Error", severity: "high", occurrenceCount: 2, platform: "node" });
    expect(groups[0].message).toMatch(/^checkout failed for order (101|202)$/);
    // The issue keeps environment, release and agent of its first event, nothing about the end user;
    // the user, tags and metadata are the events' (deleted with them by retention).
    expect(groups[0].context).toEqual({ environment: "production", release: "shop@2.3.4", agentId: "agent-checkout" });
    const [event] = await query<{ userId: string; tags: Record<string, string>; metadata: { sentry: Record<string, unknown> } }>(
      `SELECT "userId", tags, metadata FROM "ErrorOccurrence" WHERE "projectId" = $1 AND message LIKE 'checkout failed%' ORDER BY "occurredAt" LIMIT 1`,
      [t.projectId],
    );
    expect(event).toMatchObject({ userId: "customer-9", tags: { agent_id: "agent-checkout" } });
    const sentry = event.metadata.sentry as { sdk: { name: string }; breadcrumbs: { message: string }[] };
    expect(sentry.sdk.name).toBe("sentry.javascript.node");
    expect(sentry.breadcrumbs.map((b) => b.message)).toContain("added item");
    const [{ agents }] = await query<{ agents: number }>(`SELECT "agentsAffected" AS agents FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'Error'`, [t.projectId]);
    expect(agents).toBe(1);
  });

  it("stores captureMessage as a message event with its level", async () => {
    Sentry.captureMessage("Payment webhook retried 3 times", "warning");
    await Sentry.flush(5000);
    const group = await waitFor(async () => (await groupsOf(t.projectId)).find((g) => g.type === "Message"));
    expect(group).toMatchObject({ message: "Payment webhook retried 3 times", severity: "medium" });
  });

  it("records sessions as executions (crash-free and error-rate denominators)", async () => {
    Sentry.startSession();
    Sentry.endSession();
    await Sentry.flush(5000);
    const rows = await waitFor(async () => {
      const r = await query<{ ok: number; failed: number; crashed: number }>(`SELECT ok, failed, crashed FROM "ExecutionMinute" WHERE "projectId" = $1`, [t.projectId]);
      return r.length ? r : undefined;
    });
    expect(rows.reduce((sum, r) => sum + r.ok, 0)).toBe(1);
  });

  for (const mode of ["uncaught", "rejection"] as const) {
    it(`captures an ${mode === "uncaught" ? "uncaught exception" : "unhandled rejection"} in a child process`, async () => {
      const child = spawn(process.execPath, [path.join(import.meta.dirname, "../support/sentryChild.mjs")], {
        env: { ...process.env, SENTRY_DSN: dsn, MODE: mode },
        stdio: "ignore",
      });
      const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(exitCode).toBe(mode === "uncaught" ? 1 : 0);
      const expected = mode === "uncaught" ? { type: "Error", message: "card processor unreachable (uncaught)", severity: "critical" } : { type: "RangeError", message: "quota lookup rejected" };
      const group = await waitFor(async () => (await groupsOf(t.projectId)).find((g) => g.type === expected.type && g.message === expected.message));
      expect(group).toMatchObject({ ...expected, occurrenceCount: 1 });
      expect(group.context).toMatchObject({ environment: "child-test", release: "child@1.0.0" });
    });
  }

  it("records Sentry.withMonitor's runs on a cron monitor with the schedule it sends", async () => {
    const config = { schedule: { type: "crontab" as const, value: "15 4 * * *" }, checkinMargin: 10, maxRuntime: 45, timezone: "America/New_York", failureIssueThreshold: 1 };
    await Sentry.withMonitor("reindex-search", () => new Promise((resolve) => setTimeout(resolve, 20)), config);
    // The SDK sends check-ins concurrently; a real schedule keeps runs apart in time, as the flush does here.
    await Sentry.flush(5000);
    await expect(
      Sentry.withMonitor(
        "reindex-search",
        async () => {
          throw new Error("index locked");
        },
        config,
      ),
    ).rejects.toThrow("index locked");
    await Sentry.flush(5000);
    const monitor = await waitFor(async () => {
      const [row] = await query<{ id: string; scheduleValue: string; timezone: string; checkinMargin: number; maxRuntime: number; status: string; environment: string; groupId: string | null }>(
        `SELECT id, "scheduleValue", timezone, "checkinMargin", "maxRuntime", status, environment, "groupId" FROM "CronMonitor" WHERE "projectId" = $1 AND slug = 'reindex-search'`,
        [t.projectId],
      );
      return row?.groupId ? row : undefined;
    });
    expect(monitor).toMatchObject({ scheduleValue: "15 4 * * *", timezone: "America/New_York", checkinMargin: 10, maxRuntime: 45, status: "failing", environment: "production" });
    const runs = await query<{ status: string; durationMs: number | null; release: string }>(
      `SELECT status, "durationMs", release FROM "CronCheckIn" WHERE "monitorId" = $1 ORDER BY "createdAt"`,
      [monitor.id],
    );
    // Each withMonitor call is one run: in_progress, closed by ok or error with the SDK's duration.
    expect(runs.map((r) => r.status)).toEqual(["ok", "error"]);
    expect(runs.every((r) => r.durationMs !== null && r.release === "shop@2.3.4")).toBe(true);
  });

  it("keeps Sentry.captureFeedback on the issue of the event it is about", async () => {
    const eventId = Sentry.captureException(new SyntaxError("unexpected token in saved cart"));
    Sentry.captureFeedback({ message: "My cart vanished after the update", name: "Noor", email: "noor@example.com", associatedEventId: eventId, url: "https://shop.example/cart" });
    await Sentry.flush(5000);
    const [row] = await waitFor(async () => {
      const rows = await query<{ groupId: string; comments: string; name: string; email: string; url: string; source: string }>(
        `SELECT e."groupId", f.comments, f.name, f.email, f.url, f.source FROM "UserFeedback" f
         JOIN "ErrorEventId" e ON e."projectId" = f."projectId" AND e."eventId" = f."eventId" WHERE f."projectId" = $1`,
        [t.projectId],
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(row).toMatchObject({ comments: "My cart vanished after the update", name: "Noor", email: "noor@example.com", url: "https://shop.example/cart", source: "feedback" });
    const [group] = await query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE id = $1`, [row.groupId]);
    expect(group.type).toBe("SyntaxError");
  });

  it("keeps a scope's attachment with its event", async () => {
    const eventId = Sentry.withScope((scope) => {
      scope.addAttachment({ filename: "cart.json", data: JSON.stringify({ items: 3, coupon: "WINTER" }), contentType: "application/json" });
      return Sentry.captureException(new EvalError("cart state unreadable"));
    });
    await Sentry.flush(5000);
    const [file] = await waitFor(async () => {
      const rows = await query<{ filename: string; contentType: string; data: Buffer }>(
        `SELECT filename, "contentType", data FROM "EventAttachment" WHERE "projectId" = $1 AND "eventId" = $2`,
        [t.projectId, eventId],
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(file).toMatchObject({ filename: "cart.json", contentType: "application/json" });
    expect(JSON.parse(file.data.toString("utf8"))).toEqual({ items: 3, coupon: "WINTER" });
  });

  it("lists Sentry events through the API like any other", async () => {
    const list = await (await getJson(`/api/v1/errors?projectId=${t.projectId}`, { key: t.key })).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
  });
});
