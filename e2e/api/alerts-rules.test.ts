import { beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, api, errorEvent, plantWorkspaceWideAlert, waitUntil } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { addBlogProject, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

interface RuleBody {
  id: string;
  defaultKey: string | null;
  kind: string;
  threshold: number;
  windowSeconds: number;
  enabled: boolean;
  builtIn: boolean;
  escalateAfterSeconds: number | null;
  finalAfterSeconds: number | null;
}

describe("alert rules API", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  let viewer: string;
  let rules: RuleBody[];

  beforeAll(async () => {
    t = await createTenant("rules");
    [admin, member, viewer] = await Promise.all([login(t.admin), login(t.member), login(t.viewer)]);
    const res = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, viewer);
    expect(res.status).toBe(200);
    rules = res.body.items;
  });

  const rule = (key: string) => rules.find((r) => r.defaultKey === key)!;

  it("gives every workspace the seeds' default rules", () => {
    expect(rules.map((r) => r.defaultKey)).toEqual(["severity-critical", "severity-high", "severity-medium", "severity-low", "error-rate", "spike", "new-issue", "regression"]);
    expect(rule("severity-critical")).toMatchObject({ threshold: 1, windowSeconds: 0, escalateAfterSeconds: 900, finalAfterSeconds: 1800, builtIn: true, enabled: true });
    expect(rule("severity-high")).toMatchObject({ threshold: 5, windowSeconds: 300 });
    expect(rule("severity-medium")).toMatchObject({ threshold: 20, windowSeconds: 900 });
    expect(rule("severity-low")).toMatchObject({ threshold: 100, windowSeconds: 3600 });
    expect(rule("error-rate")).toMatchObject({ kind: "error_rate", threshold: 5 });
    expect(rule("spike")).toMatchObject({ kind: "spike", threshold: 3, windowSeconds: 300 });
  });

  it("lets admins edit and disable built-in rules, validating the result, but not delete them", async () => {
    const high = rule("severity-high");
    const edited = await api("PATCH", `/api/v1/alert-rules/${high.id}`, admin, { threshold: 8, windowSeconds: 600 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ threshold: 8, windowSeconds: 600, builtIn: true });

    const fractional = await api("PATCH", `/api/v1/alert-rules/${high.id}`, admin, { threshold: 2.5 });
    expect(fractional.status).toBe(422);
    expect(fractional.body.error.issues[0].path).toBe("threshold");
    const unknown = await api("PATCH", `/api/v1/alert-rules/${high.id}`, admin, { kind: "spike" });
    expect(unknown.status).toBe(422);

    expect((await api("PATCH", `/api/v1/alert-rules/${rule("spike").id}`, admin, { enabled: false })).body.enabled).toBe(false);
    const deleted = await api("DELETE", `/api/v1/alert-rules/${high.id}`, admin);
    expect(deleted.status).toBe(409);

    const [audit] = await query<{ action: string; before: unknown; after: unknown; actorId: string }>(
      `SELECT action, before, after, "actorId" FROM "AuditLog" WHERE "targetType" = 'alert_rule' AND "targetId" = $1 ORDER BY at`,
      [high.id],
    );
    expect(audit).toMatchObject({ action: "alert_rule.updated", before: { threshold: 5, windowSeconds: 300 }, after: { threshold: 8, windowSeconds: 600 }, actorId: t.admin.id });
  });

  it("creates custom rules with the severity's escalation by default, and deletes them", async () => {
    const created = await api("POST", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin, {
      name: "Payments: 2 high errors in a minute",
      kind: "severity_count",
      eventSeverity: "high",
      alertSeverity: "critical",
      threshold: 2,
      windowSeconds: 60,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ builtIn: false, escalateAfterSeconds: 900, finalAfterSeconds: 1800, enabled: true });

    const missing = await api("POST", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin, { name: "rate", kind: "error_rate", threshold: 2, windowSeconds: 300 });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toBe("alertSeverity");

    expect((await api("DELETE", `/api/v1/alert-rules/${created.body.id}`, admin)).status).toBe(204);
    expect((await api("PATCH", `/api/v1/alert-rules/${created.body.id}`, admin, { enabled: false })).status).toBe(404);
  });

  it("keeps viewers and members read-only and other workspaces out", async () => {
    const high = rule("severity-high");
    expect((await api("PATCH", `/api/v1/alert-rules/${high.id}`, viewer, { threshold: 9 })).status).toBe(403);
    expect((await api("PATCH", `/api/v1/alert-rules/${high.id}`, member, { threshold: 9 })).status).toBe(403);
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, member, { name: "x", kind: "new_issue", threshold: 1 })).status).toBe(403);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, null)).status).toBe(401);

    const other = await createTenant("rules-other");
    const outsider = await login(other.admin);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, outsider)).status).toBe(404);
    expect((await api("PATCH", `/api/v1/alert-rules/${high.id}`, outsider, { threshold: 9 })).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts`, outsider)).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/deliveries`, outsider)).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/channels`, outsider)).status).toBe(404);
  });
});

describe("rules limited to projects", () => {
  it("a rule that names projects fires only for their issues; the others fire for every project", async () => {
    const t = await createTenant("rules-scope");
    const admin = await login(t.admin);
    const blog = await addBlogProject(t);
    const newIssue = ((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as RuleBody[]).find((r) => r.defaultKey === "new-issue")!;
    const other = await createTenant("rules-scope-other");
    const foreign = await api("PATCH", `/api/v1/alert-rules/${newIssue.id}`, admin, { projectIds: [other.projectId] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.issues[0].path).toBe("projectIds[0]");
    const scoped = await api("PATCH", `/api/v1/alert-rules/${newIssue.id}`, admin, { projectIds: [t.projectId] });
    expect(scoped.status).toBe(200);
    expect(scoped.body.projectIds).toEqual([t.projectId]);

    // The unscoped critical rule is the witness: both rules are evaluated on the same batch.
    const alertsOf = async (projectId: string) => {
      await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).find((a) => a.projectId === projectId), 10_000, "the critical alert");
      return (await query<{ ruleKind: string }>(`SELECT "ruleKind" FROM "Alert" WHERE "workspaceId" = $1 AND "projectId" = $2`, [t.workspaceId, projectId])).map((a) => a.ruleKind).sort();
    };
    expect((await postEvents(blog.key, errorEvent("BlogRender", "critical"))).status).toBe(202);
    expect(await alertsOf(blog.id)).toEqual(["severity_count"]);
    expect((await postEvents(t.key, errorEvent("ShopCharge", "critical"))).status).toBe(202);
    expect(await alertsOf(t.projectId)).toEqual(["new_issue", "severity_count"]);

    // A project's list (the dashboard's project filter) keeps the workspace-wide alerts (no project, e.g. the
    // disk forecast), and its per-status counts follow the same filter.
    await plantWorkspaceWideAlert(t.workspaceId);
    const listed = async (projectId: string) => {
      const res = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts?status=active&projectId=${projectId}`, admin);
      expect(res.status).toBe(200);
      const items = res.body.items as { project: { id: string } | null; rule: { kind: string } }[];
      return { kinds: items.map((a) => `${a.project === null ? "workspace" : a.project.id === projectId ? "own" : "other"}:${a.rule.kind}`).sort(), active: res.body.counts.active as number };
    };
    expect(await listed(blog.id)).toEqual({ kinds: ["own:severity_count", "workspace:ingest_health"], active: 2 });
    expect(await listed(t.projectId)).toEqual({ kinds: ["own:new_issue", "own:severity_count", "workspace:ingest_health"], active: 3 });
  });
});

describe("a rule turned off or deleted", () => {
  it("resolves its open alerts (no sweep would ever clear or stop escalating them), saying why; other rules' alerts stay", async () => {
    const t = await createTenant("rules-off");
    const admin = await login(t.admin);
    const custom = await api("POST", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin, {
      name: "Any critical, custom",
      kind: "severity_count",
      eventSeverity: "critical",
      alertSeverity: "high",
      threshold: 1,
      windowSeconds: 60,
    });
    expect(custom.status).toBe(201);
    expect((await postEvents(t.key, errorEvent("VaultSealed", "critical"))).status).toBe(202);
    // The three rules one critical event fires at once (the periodic sweep may add an error-rate alert: not looked at).
    const open = async () =>
      query<{ ruleName: string; status: string; resolution: string | null }>(
        `SELECT "ruleName", status::text, resolution FROM "Alert" WHERE "workspaceId" = $1 AND "ruleName" IN ('Any critical, custom', 'Critical error', 'New issue') ORDER BY "ruleName"`,
        [t.workspaceId],
      );
    await waitUntil(async () => ((await open()).filter((a) => a.status === "active").length === 3 ? true : undefined), 10_000, "three alerts (custom, critical, new issue)");

    const critical = ((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as RuleBody[]).find((r) => r.defaultKey === "severity-critical")!;
    expect((await api("PATCH", `/api/v1/alert-rules/${critical.id}`, admin, { enabled: false })).status).toBe(200);
    expect((await api("DELETE", `/api/v1/alert-rules/${custom.body.id}`, admin)).status).toBe(204);
    expect(await open()).toEqual([
      { ruleName: "Any critical, custom", status: "resolved", resolution: "its rule was deleted" },
      { ruleName: "Critical error", status: "resolved", resolution: "its rule was turned off" },
      { ruleName: "New issue", status: "active", resolution: null },
    ]);
  });
});

describe("a rule narrowed to some projects", () => {
  it("resolves its open alerts of the projects it no longer covers; those of its projects, and of no project, stay", async () => {
    const t = await createTenant("rules-narrow");
    const admin = await login(t.admin);
    const blog = await addBlogProject(t);
    const critical = ((await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as RuleBody[]).find((r) => r.defaultKey === "severity-critical")!;
    expect((await postEvents(t.key, errorEvent("ShopDown", "critical"))).status).toBe(202);
    expect((await postEvents(blog.key, errorEvent("BlogDown", "critical"))).status).toBe(202);
    const ofRule = () =>
      query<{ project: string; status: string; resolution: string | null }>(
        `SELECT CASE WHEN "projectId" IS NULL THEN 'none' WHEN "projectId" = $2 THEN 'shop' ELSE 'blog' END AS project, status::text, resolution
           FROM "Alert" WHERE "ruleId" = $1 ORDER BY 1`,
        [critical.id, t.projectId],
      );
    await waitUntil(async () => ((await ofRule()).length === 2 ? true : undefined), 10_000, "a critical alert in each project");
    await plantWorkspaceWideAlert(t.workspaceId, critical.id);
    expect((await api("PATCH", `/api/v1/alert-rules/${critical.id}`, admin, { projectIds: [t.projectId] })).status).toBe(200);
    expect(await ofRule()).toEqual([
      { project: "blog", status: "resolved", resolution: "its rule no longer covers this project" },
      { project: "none", status: "active", resolution: null },
      { project: "shop", status: "active", resolution: null },
    ]);
  });
});

describe("a rule's name follows its settings until someone names it", () => {
  interface Named extends RuleBody {
    name: string;
    nameFollowsSettings: boolean;
  }
  let t: Tenant;
  let admin: string;
  let rules: Named[];
  beforeAll(async () => {
    t = await createTenant("rule-names");
    admin = await login(t.admin);
    rules = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items;
  });
  const rule = (key: string) => rules.find((r) => r.defaultKey === key)!;
  const patch = async (key: string, changes: object) => {
    const res = await api("PATCH", `/api/v1/alert-rules/${rule(key).id}`, admin, changes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Named;
  };

  it("renames a built-in rule after its new threshold and window, and keeps a name given", async () => {
    expect(rule("severity-high")).toMatchObject({ name: "High errors: 5 in 5 min", nameFollowsSettings: true });
    expect(await patch("severity-high", { threshold: 10, windowSeconds: 600 })).toMatchObject({ name: "High errors: 10 in 10 min", threshold: 10, windowSeconds: 600, nameFollowsSettings: true });
    const [audit] = await query<{ before: unknown; after: unknown }>(`SELECT before, after FROM "AuditLog" WHERE "targetType" = 'alert_rule' AND "targetId" = $1 ORDER BY at DESC LIMIT 1`, [rule("severity-high").id]);
    expect(audit).toMatchObject({ before: { name: "High errors: 5 in 5 min" }, after: { name: "High errors: 10 in 10 min" } });

    expect(await patch("severity-high", { name: "Pager: backend errors" })).toMatchObject({ name: "Pager: backend errors", nameFollowsSettings: false });
    expect(await patch("severity-high", { threshold: 12 })).toMatchObject({ name: "Pager: backend errors", threshold: 12 });
    // A name and settings at once: the name given.
    expect(await patch("severity-low", { name: "Low noise", threshold: 500 })).toMatchObject({ name: "Low noise", threshold: 500 });
  });

  it("gives a built-in rule edited before names followed settings the name of its settings", async () => {
    await query(`UPDATE "AlertRule" SET threshold = 7 WHERE id = $1`, [rule("severity-medium").id]);
    const listed = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as Named[];
    expect(listed.find((r) => r.defaultKey === "severity-medium")).toMatchObject({ name: "Medium errors: 7 in 15 min", threshold: 7 });
  });

  it("names its alerts after the settings that fired them", async () => {
    expect(await patch("severity-critical", { threshold: 2 })).toMatchObject({ name: "Critical errors: 2 at once" });
    expect((await postEvents(t.key, [errorEvent("Twice", "critical"), errorEvent("Twice", "critical")])).status).toBe(202);
    const [alert] = await waitUntil(() => alertsOfRule(t.workspaceId, "severity-critical"), 10_000, "critical alert");
    expect(alert.ruleName).toBe("Critical errors: 2 at once");
  });
});
