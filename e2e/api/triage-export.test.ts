import { beforeAll, describe, expect, it } from "vitest";
import { createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { parseCsv } from "@/e2e/support/parseCsv";

describe("exports: the issue list and an issue's events as CSV (RFC 4180) and JSON", () => {
  let t: Tenant;
  let cookie: string;
  let issueId: string;

  beforeAll(async () => {
    t = await createTenant("export");
    cookie = await login(t.member);
    const events = Array.from({ length: 1200 }, (_, i) => ({
      eventId: `evt-${i}`,
      type: "QuotedError",
      message: i === 7 ? 'He said "no", then\r\nleft, =HYPERLINK("x")' : i === 8 ? "=SUM(A1:A9)" : `row ${i}`,
      severity: "high",
      // One stack for all: they group by frames whatever their message.
      stackTrace: "QuotedError: x\n    at exportRows (/srv/app/src/export.ts:10:5)\n    at main (/srv/app/src/main.ts:3:1)",
      environment: i % 4 === 0 ? "staging" : "production",
      userId: `u-${i % 5}`,
      occurredAt: new Date(Date.now() - 3_600_000 + i * 1000).toISOString(),
    }));
    for (const part of [events.slice(0, 600), events.slice(600)]) {
      const res = await postEvents(t.key, { events: part });
      expect(res.status).toBe(202);
      issueId = (await res.json()).accepted[0].groupId;
    }
    await postEvents(t.key, { events: [{ type: "OtherError", message: "other, with comma", severity: "low", environment: "staging" }] });
  });

  it("streams every event of an issue as CSV that a strict RFC 4180 reader reads back", async () => {
    const res = await getJson(`/api/v1/errors/${issueId}/events/export?format=csv`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="faultline-events-.*\.csv"$/);
    const text = await res.text();
    const [head, ...rows] = parseCsv(text);
    expect(head.slice(0, 5)).toEqual(["eventId", "occurredAt", "severity", "type", "message"]);
    expect(rows).toHaveLength(1200);
    expect(rows[0][0]).toBe("evt-1199");
    expect(new Set(rows.map((r) => r[0])).size).toBe(1200);
    const tricky = rows.find((r) => r[0] === "evt-7")!;
    // Quotes doubled and CRLF kept inside the quoted field; a cell starting a formula is neutralised.
    expect(tricky[4]).toBe('He said "no", then\r\nleft, =HYPERLINK("x")');
    expect(rows.find((r) => r[0] === "evt-8")![4]).toBe("'=SUM(A1:A9)");
  });

  it("filters the events export and streams JSON that parses", async () => {
    const res = await getJson(`/api/v1/errors/${issueId}/events/export?format=json&environment=staging&user=u-0`, { cookie });
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { eventId: string; environment: string; userId: string }[];
    expect(body).toHaveLength(60);
    expect(body.every((e) => e.environment === "staging" && e.userId === "u-0")).toBe(true);
  });

  it("exports the issue list respecting the search", async () => {
    const all = parseCsv(await (await getJson(`/api/v1/errors/export?format=csv&workspaceId=${t.workspaceId}`, { cookie })).text());
    expect(all.slice(1).map((r) => r[1]).sort()).toEqual(["OtherError", "QuotedError"]);
    const staging = parseCsv(await (await getJson(`/api/v1/errors/export?format=csv&workspaceId=${t.workspaceId}&query=${encodeURIComponent("level:low")}`, { cookie })).text());
    expect(staging.slice(1).map((r) => [r[1], r[2]])).toEqual([["OtherError", "other, with comma"]]);
    const json = await (await getJson(`/api/v1/errors/export?format=json&workspaceId=${t.workspaceId}&query=QuotedError`, { cookie })).json();
    expect(json).toEqual([expect.objectContaining({ type: "QuotedError", events: 1200, users: 5 })]);
  });

  it("is for members and admins of the workspace only", async () => {
    expect((await getJson(`/api/v1/errors/${issueId}/events/export`, { cookie: await login(t.viewer) })).status).toBe(403);
    expect((await getJson(`/api/v1/errors/export?workspaceId=${t.workspaceId}`, { cookie: await login(t.viewer) })).status).toBe(403);
    expect((await getJson(`/api/v1/errors/${issueId}/events/export`, { key: t.key })).status).toBe(401);
    const other = await createTenant("export-other");
    expect((await getJson(`/api/v1/errors/${issueId}/events/export`, { cookie: await login(other.admin) })).status).toBe(404);
    expect((await getJson(`/api/v1/errors/export?workspaceId=${t.workspaceId}`, { cookie: await login(other.admin) })).status).toBe(404);
    expect((await getJson(`/api/v1/errors/export?format=xml`, { cookie })).status).toBe(422);
  });
});
