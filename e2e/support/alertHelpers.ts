import { randomBytes } from "node:crypto";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, postEvents } from "@/e2e/support/tenant";
import type { WebhookReceiver } from "@/e2e/support/webhookReceiver";

/** Any JSON call to the app with a session cookie. */
export async function api(method: string, path: string, cookie: string | null, body?: unknown) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(cookie && { cookie }), ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Polls `fn` until it returns a truthy value that is not an empty array (every 10 ms, up to timeoutMs). */
export async function waitUntil<T>(fn: () => Promise<T>, timeoutMs = 10_000, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value && !(Array.isArray(value) && value.length === 0)) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface AlertRow {
  id: string;
  ruleKind: string;
  ruleName: string;
  status: string;
  severity: string;
  errorGroupId: string | null;
  projectId: string | null;
  value: number;
  count: number;
  stage: string;
  firedAt: Date;
  resolution: string | null;
  defaultKey: string | null;
}

/**
 * An open alert of no project, as the disk forecast raises (of rule `ruleId` when given), planted in
 * the database: the app only raises one when the real disk runs short.
 */
export async function plantWorkspaceWideAlert(workspaceId: string, ruleId: string | null = null): Promise<void> {
  await query(
    `INSERT INTO "Alert" (id, "workspaceId", "ruleId", "ruleKind", "ruleName", threshold, severity, title, value, "firedAt", "lastTriggeredAt")
     VALUES (gen_random_uuid(), $1, $2, 'ingest_health', 'Disk', 3, 'high', 'Disk full in 2 days', 2, now(), now())`,
    [workspaceId, ruleId],
  );
}

/** Alerts of a workspace straight from the database, with their rule's default key. */
export function alertsOf(workspaceId: string): Promise<AlertRow[]> {
  return query<AlertRow>(
    `SELECT a.id, a."ruleKind", a."ruleName", a.status, a.severity, a."errorGroupId", a."projectId", a.value, a.count, a.stage,
       a."firedAt", a.resolution, r."defaultKey"
     FROM "Alert" a LEFT JOIN "AlertRule" r ON r.id = a."ruleId"
     WHERE a."workspaceId" = $1 ORDER BY a."firedAt", a.id`,
    [workspaceId],
  );
}

export async function alertsOfRule(workspaceId: string, defaultKey: string): Promise<AlertRow[]> {
  return (await alertsOf(workspaceId)).filter((a) => a.defaultKey === defaultKey);
}

export function deliveriesOf(alertId: string) {
  return query<{ id: string; channelId: string; stage: string; status: string; attempts: number; lastError: string | null }>(
    `SELECT id, "channelId", stage, status, attempts, "lastError" FROM "Delivery" WHERE "alertId" = $1 ORDER BY "createdAt"`,
    [alertId],
  );
}

/** Waits until no delivery of the workspace is pending or being sent (every notification settled). */
export async function deliveriesSettled(workspaceId: string, timeoutMs = 10_000): Promise<void> {
  await waitUntil(
    async () => {
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Delivery" WHERE "workspaceId" = $1 AND (("status" = 'pending' AND "nextAttemptAt" <= now()) OR "lockedUntil" > now())`,
        [workspaceId],
      );
      return n === 0;
    },
    timeoutMs,
    "deliveries to settle",
  );
}

/** A distinct error (its own group): same type and message on every call with the same label. */
export function errorEvent(label: string, severity: "low" | "medium" | "high" | "critical", extra: Record<string, unknown> = {}) {
  return {
    type: `AlertTest${label}Error`,
    message: `alert test ${label} failed`,
    severity,
    category: "api",
    stackTrace: `AlertTest${label}Error: alert test ${label} failed\n    at run${label} (/srv/app/src/alerts/${label}.ts:10:5)\n    at main (/srv/app/src/index.ts:3:1)`,
    ...extra,
  };
}

/**
 * A barrier for the app's asynchronous alert evaluation: posts a critical event of a fresh error and
 * waits until the webhook receiver got its notification. Evaluations run in order per workspace, so
 * everything ingested before the barrier has been evaluated (and its deliveries created) by then.
 */
export async function evaluationBarrier(key: string, receiver: WebhookReceiver, path: string): Promise<void> {
  const label = `Barrier${randomBytes(4).toString("hex")}`;
  const res = await postEvents(key, errorEvent(label, "critical"));
  if (res.status !== 202) throw new Error(`barrier post failed: ${res.status}`);
  await receiver.waitFor((r) => r.path === path && (r.body as { error?: { type?: string } })?.error?.type === `AlertTest${label}Error`);
}
