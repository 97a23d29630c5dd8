import { beforeAll, describe, expect, it } from "vitest";
import { createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";

const stack = (line: number) =>
  `TypeError: Cannot read properties of undefined (reading 'total')\n` +
  `    at computeInvoice (/srv/app/src/billing/invoice.ts:${line}:17)\n` +
  `    at handler (/srv/app/src/routes/invoices.ts:12:5)\n` +
  `    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;

describe("ingest → group → list → resolve → regression", () => {
  let t: Tenant;
  let cookie: string;
  beforeAll(async () => {
    t = await createTenant("life");
    cookie = await login(t.member);
  });

  it("groups the same error across deploys and reopens it after resolution", async () => {
    const first = await postEvents(t.key, { type: "TypeError", message: "Cannot read properties of undefined (reading 'total') for order 1234", stackTrace: stack(42), userId: "u1" });
    expect(first.status).toBe(202);
    const firstBody = await first.json();
    const groupId = firstBody.accepted[0].groupId;

    // Same error after a deploy (line moved) with another order id: one group, two occurrences.
    const second = await postEvents(t.key, { type: "TypeError", message: "Cannot read properties of undefined (reading 'total') for order 98", stackTrace: stack(57), userId: "u2" });
    expect((await second.json()).accepted[0].groupId).toBe(groupId);

    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}`, { cookie })).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ errorId: groupId, occurrences: 2, status: "new", type: "TypeError" });
    expect(list.items[0].impact.usersAffected).toBe(2);

    const resolved = await patchJson(`/api/v1/errors/${groupId}`, cookie, {
      status: "resolved",
      resolution: "guard added",
      rootCause: "missing null check",
      preventiveMeasures: ["add test"],
    });
    expect(resolved.status).toBe(200);
    const resolvedBody = await resolved.json();
    expect(resolvedBody.status).toBe("resolved");
    expect(resolvedBody.resolution).toMatchObject({ resolution: "guard added", resolvedBy: t.member.id });

    await postEvents(t.key, { type: "TypeError", message: "Cannot read properties of undefined (reading 'total')", stackTrace: stack(60) });
    const detail = await (await getJson(`/api/v1/errors/${groupId}`, { cookie })).json();
    expect(detail.status).toBe("new");
    expect(detail.occurrences).toBe(3);
    expect(detail.regressedAt).not.toBeNull();
    const actions = detail.audit.map((a: { action: string }) => a.action);
    expect(actions).toContain("error.resolved");
    expect(actions).toContain("error.regressed");
    const resolvedEntry = detail.audit.find((a: { action: string }) => a.action === "error.resolved");
    expect(resolvedEntry.actor.email).toBe(t.member.email);
    expect(resolvedEntry.before).toEqual({ status: "new", resolution: null, rootCause: null, preventiveMeasures: [] });
  });

  it("filters, searches and pages", async () => {
    await postEvents(t.key, [
      { type: "PaymentError", message: "charge failed", severity: "critical", category: "payment" },
      { type: "ValidationError", message: "email invalid", severity: "low" },
      { type: "TimeoutError", message: "upstream timed out after 30000 ms" },
    ]);
    const base = `/api/v1/errors?workspaceId=${t.workspaceId}`;
    const critical = await (await getJson(`${base}&severity=critical`, { cookie })).json();
    expect(critical.items.map((e: { type: string }) => e.type)).toEqual(["PaymentError"]);
    const search = await (await getJson(`${base}&q=timed%20out`, { cookie })).json();
    expect(search.items.map((e: { type: string }) => e.type)).toEqual(["TimeoutError"]);
    const paged = await (await getJson(`${base}&pageSize=2&page=2&sort=firstSeen&order=asc`, { cookie })).json();
    expect(paged.total).toBe(4);
    expect(paged.items).toHaveLength(2);
    const bad = await getJson(`${base}&severity=urgent`, { cookie });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("severity[0]");
  });

  it("classifies severity and category when absent", async () => {
    const res = await postEvents(t.key, { type: "ConnectionError", message: "database connection pool exhausted" });
    const { groupId } = (await res.json()).accepted[0];
    const detail = await (await getJson(`/api/v1/errors/${groupId}`, { cookie })).json();
    expect(detail.severity).toBe("critical");
    expect(detail.category).toBe("database");
  });

  it("scrubs secrets and card numbers before storing", async () => {
    const res = await postEvents(t.key, {
      type: "AuthError",
      message: "login failed with password=hunter2 for card 4111 1111 1111 1111",
      context: { headers: { Authorization: "Bearer abc.def.ghi", cookie: "sid=123" }, order: "1234567812345678" },
      tags: { api_key: "sk_live_abcdefghijklmnop" },
    });
    const { groupId } = (await res.json()).accepted[0];
    const detail = await (await getJson(`/api/v1/errors/${groupId}`, { cookie })).json();
    const text = JSON.stringify(detail);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("4111 1111 1111 1111");
    expect(text).not.toContain("abc.def.ghi");
    expect(text).not.toContain("sid=123");
    expect(text).not.toContain("sk_live_abcdefghijklmnop");
    expect(text).toContain("1234567812345678"); // not a valid Luhn number: kept
  });

  it("keeps a release directory named by its timestamp in the trace and the frames, though it passes Luhn", async () => {
    const release = "/var/www/releases/20261207093000";
    const res = await postEvents(t.key, {
      type: "TypeError",
      message: "x is undefined",
      stackTrace: `TypeError: x is undefined\n    at render (${release}/src/view.js:10:5)\n    at main (${release}/src/main.js:3:1)`,
    });
    const { groupId } = (await res.json()).accepted[0];
    const latest = await (await getJson(`/api/v1/errors/${groupId}/events/latest`, { cookie })).json();
    const text = JSON.stringify(latest);
    expect(text).not.toContain("[Filtered]");
    expect(text).toContain(`${release}/src/view.js:10:5`);
    const frames = latest.exceptions[0].frames as { filename?: string; absPath?: string }[];
    expect(frames.map((f) => f.absPath ?? f.filename)).toEqual([`${release}/src/main.js`, `${release}/src/view.js`]);
  });
});
