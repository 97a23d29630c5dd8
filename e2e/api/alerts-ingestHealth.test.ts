import { beforeAll, describe, expect, it } from "vitest";
import { alertsOf, api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, createTestUser, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { evaluateAlerts } from "@/lib/alerts/evaluate/evaluateAlerts";
import { sweepIngestHealthRules } from "@/lib/alerts/evaluate/sweepIngestHealthRules";
import { addMember } from "@/lib/workspaces/addMember";

/**
 * The "ingest health" alert rule kind: created over HTTP (422 for bad settings), evaluated by the
 * alert sweep. Events the app drops (invalid events of a batch) fire it per project. The disk part
 * (the status page's forecast) is the instance operator's: driven here with an injected forecast; its
 * condition is unit-tested (lib/alerts/evaluate/ingestHealthConditions.test.ts).
 */
let t: Tenant;
let cookie: string;
let ruleId: string;

let operatorCookie: string;
let other: Tenant;

beforeAll(async () => {
  t = await createTenant("ingest-health-rule");
  other = await createTenant("ingest-health-other");
  cookie = await login(t.admin);
  const operator = await createTestUser(`operator-${t.workspaceId}@test.local`, "Operator", { operator: true });
  await addMember({ workspaceId: t.workspaceId, userId: operator.id, role: "admin" });
  operatorCookie = await login(operator);
});

const lostEvents = async () =>
  (await query<{ n: number }>(`SELECT coalesce(sum(dropped + "rateLimited"), 0)::int AS n FROM "IngestMinute" WHERE "projectId" = $1`, [t.projectId]))[0].n;

describe("ingest-health alert rules", () => {
  it("are created by admins with a lost-events threshold and optional disk days; bad settings are 422 naming the field", async () => {
    const path = `/api/v1/workspaces/${t.workspaceId}/alert-rules`;
    const bad = await api("POST", path, cookie, { name: "x", kind: "ingest_health", threshold: 5, windowSeconds: 0, alertSeverity: "high" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("windowSeconds");
    const misplaced = await api("POST", path, cookie, { name: "x", kind: "spike", threshold: 3, windowSeconds: 300, baselineSeconds: 3600, alertSeverity: "high", diskDaysLeft: 5 });
    expect(misplaced.status).toBe(422);
    expect(JSON.stringify(misplaced.body)).toContain("diskDaysLeft");
    expect((await api("POST", path, await login(t.member), { name: "x", kind: "ingest_health", threshold: 5, windowSeconds: 600, alertSeverity: "high" })).status).toBe(403);

    // The disk is the instance's: a workspace admin who is not the instance operator cannot watch it.
    const rule = { name: "Ingest health", kind: "ingest_health", threshold: 3, windowSeconds: 600, alertSeverity: "high", diskDaysLeft: 10 };
    const notOperator = await api("POST", path, cookie, rule);
    expect(notOperator.status).toBe(403);
    expect(notOperator.body.error.field).toBe("diskDaysLeft");

    const created = await api("POST", path, operatorCookie, rule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "ingest_health", threshold: 3, diskDaysLeft: 10 });
    ruleId = created.body.id;
    // The workspace's admin edits the rest of it; changing the days is the operator's.
    expect((await api("PATCH", `/api/v1/alert-rules/${ruleId}`, cookie, { threshold: 3, diskDaysLeft: 10 })).status).toBe(200);
    const changed = await api("PATCH", `/api/v1/alert-rules/${ruleId}`, cookie, { diskDaysLeft: 30 });
    expect(changed.status).toBe(403);
    expect(changed.body.error.field).toBe("diskDaysLeft");
  });

  it("fires per project when events are dropped, once per crossing", async () => {
    await evaluateAlerts({ workspaceIds: [t.workspaceId] });
    expect(await alertsOf(t.workspaceId)).toEqual([]);

    // Four invalid events in a batch with a valid one: 202, the four rejected and counted as dropped.
    const res = await postEvents(t.key, [{ type: "Ok" }, { message: "no type" }, { type: "" }, { severity: "fatal!", type: "X" }, { type: "Y", occurredAt: "yesterday" }]);
    expect(res.status).toBe(202);
    expect((await res.json()).rejected).toHaveLength(4);
    // The app adds its per-minute counters to the database every few seconds.
    await waitFor(async () => ((await lostEvents()) >= 4 ? true : undefined), 30_000, 250);

    await evaluateAlerts({ workspaceIds: [t.workspaceId] });
    await evaluateAlerts({ workspaceIds: [t.workspaceId] });
    const alerts = (await alertsOf(t.workspaceId)).filter((a) => a.ruleKind === "ingest_health");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ projectId: t.projectId, status: "active", severity: "high", value: 4, count: 1 });

    const listed = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts`, cookie);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain("4 events lost");
  });

  it("takes the disk check off with diskDaysLeft: null", async () => {
    const res = await api("PATCH", `/api/v1/alert-rules/${ruleId}`, cookie, { diskDaysLeft: null });
    expect(res.status).toBe(200);
    expect(res.body.diskDaysLeft).toBeNull();
  });

  it("tells the disk forecast only to workspaces the instance operator administers", async () => {
    // The operator turns the disk check back on (the test before took it off).
    expect((await api("PATCH", `/api/v1/alert-rules/${ruleId}`, operatorCookie, { diskDaysLeft: 10 })).status).toBe(200);
    const sweep = () => sweepIngestHealthRules({ now: new Date(), workspaceIds: [t.workspaceId, other.workspaceId], readDaysLeft: async () => 2 });
    // The same rule in a workspace the operator is not in (as if set before the check existed).
    await query(
      `INSERT INTO "AlertRule" (id, "workspaceId", name, kind, threshold, "windowSeconds", "alertSeverity", "diskDaysLeft", "projectIds")
       SELECT gen_random_uuid(), $1, name, kind, threshold, "windowSeconds", "alertSeverity", "diskDaysLeft", '{}' FROM "AlertRule" WHERE id = $2`,
      [other.workspaceId, ruleId],
    );
    await sweep();
    const disk = (await query<{ workspaceId: string; title: string }>(`SELECT "workspaceId", title FROM "Alert" WHERE "projectId" IS NULL AND title LIKE 'Disk:%' AND "workspaceId" = ANY($1::uuid[])`, [[t.workspaceId, other.workspaceId]]));
    expect(disk).toHaveLength(1);
    expect(disk[0]).toMatchObject({ workspaceId: t.workspaceId });
    expect(disk[0].title).toContain("2 days left");
  });
});
