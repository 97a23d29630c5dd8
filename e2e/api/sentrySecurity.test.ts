import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, type Tenant } from "@/e2e/support/tenant";

let t: Tenant;
const url = () => sentryUrl(t.projectPublicId, "security", `sentry_key=${t.key}`);

async function group(eventId: string) {
  const [row] = await query<{ groupId: string; type: string; message: string }>(
    `SELECT o."groupId", g.type, g.message FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o."eventId" = $2`,
    [t.projectId, eventId],
  );
  return row;
}

beforeAll(async () => {
  t = await createTenant("csp");
});

describe("Sentry security endpoint (CSP reports)", () => {
  it("stores report-uri and Reporting API violations, one issue per directive and blocked host", async () => {
    const report = (page: string, blocked: string) => JSON.stringify({ "csp-report": { "document-uri": page, "effective-directive": "script-src-elem", "blocked-uri": blocked } });
    const first = await postRaw(url(), report("https://shop.example/cart", "https://cdn.evil.example/a.js"), { "content-type": "application/csp-report" });
    expect(first.status).toBe(200);
    const second = await postRaw(url(), report("https://shop.example/checkout", "https://cdn.evil.example/b.js?x=1"), { "content-type": "application/csp-report" });
    const other = await postRaw(url(), report("https://shop.example/cart", "https://ads.example/t.js"), { "content-type": "application/csp-report" });
    const [a, b, c] = await Promise.all([first, second, other].map(async (r) => group(((await r.json()) as { id: string }).id)));
    expect(a).toMatchObject({ type: "CSP Violation", message: "Blocked 'script' from 'cdn.evil.example'" });
    expect(b.groupId).toBe(a.groupId);
    expect(c.groupId).not.toBe(a.groupId);

    const batch = await postRaw(
      url(),
      JSON.stringify([
        { type: "deprecation", body: { id: "x" } },
        { type: "csp-violation", url: "https://shop.example/", body: { documentURL: "https://shop.example/", effectiveDirective: "script-src-elem", blockedURL: "https://cdn.evil.example/c.js" } },
      ]),
      { "content-type": "application/reports+json" },
    );
    expect(batch.status).toBe(200);
    expect((await group(((await batch.json()) as { id: string }).id)).groupId).toBe(a.groupId);
  });

  it("stores each report in the environment and release the report URL names (sentry_environment, sentry_release)", async () => {
    const report = JSON.stringify({ "csp-report": { "document-uri": "https://shop.example/", "effective-directive": "img-src", "blocked-uri": "https://pixel.example/p.gif" } });
    const res = await postRaw(`${url()}&sentry_environment=staging-csp&sentry_release=web%401.2.3`, report, { "content-type": "application/csp-report" });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const [row] = await query<{ environment: string | null; release: string | null }>(`SELECT environment, release FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, id]);
    expect(row).toEqual({ environment: "staging-csp", release: "web@1.2.3" });
  });

  it("answers a batch without violations with {id: null}, bad bodies with 400, no key with 401", async () => {
    const none = await postRaw(url(), JSON.stringify([{ type: "deprecation", body: {} }]), { "content-type": "application/reports+json" });
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ id: null });
    const bad = await postRaw(url(), JSON.stringify({ hello: "world" }), { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("expected a CSP report");
    expect((await postRaw(sentryUrl(t.projectPublicId, "security"), "{}", { "content-type": "application/csp-report" })).status).toBe(401);
  });
});
