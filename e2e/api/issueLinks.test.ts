import { describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { createTenant, login, postEvents } from "@/e2e/support/tenant";
import type { IssueLinkDto } from "@/lib/errors/links/issueLinks";

/**
 * Linked issues over HTTP: members link an issue to where it is tracked (GitHub, Jira…), each link
 * named by its tracker's short name, audited; duplicates and bad addresses are refused clearly; a
 * merge carries the links to the target issue.
 */
describe("linked issues", () => {
  it("are added, listed with their short names, refused twice or malformed, removed, audited, and follow a merge", async () => {
    const t = await createTenant("links");
    const member = await login(t.member);
    const issueOf = async (fn: string) => {
      const res = await postEvents(t.key, { type: "LinkError", message: `${fn} broke`, stackTrace: `LinkError: ${fn} broke\n    at ${fn} (/srv/app/src/${fn}.ts:3:1)` });
      return ((await res.json()) as { accepted: { groupId: string }[] }).accepted[0]!.groupId;
    };
    const target = await issueOf("checkout");
    const source = await issueOf("payment");

    const github = await api("POST", `/api/v1/errors/${target}/links`, member, { url: "https://github.com/acme/shop/issues/42", title: "Checkout crashes on empty carts" });
    expect(github.status, JSON.stringify(github.body)).toBe(201);
    expect(github.body).toMatchObject({ url: "https://github.com/acme/shop/issues/42", title: "Checkout crashes on empty carts", tracker: "github", label: "acme/shop#42", createdBy: { id: t.member.id } });
    const again = await api("POST", `/api/v1/errors/${target}/links`, member, { url: "https://github.com/acme/shop/issues/42" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", field: "url" });
    const bad = await api("POST", `/api/v1/errors/${target}/links`, member, { url: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
    expect((bad.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("url");

    const jira = (await api("POST", `/api/v1/errors/${source}/links`, member, { url: "https://acme.atlassian.net/browse/SHOP-123" })).body as IssueLinkDto;
    expect(jira).toMatchObject({ tracker: "jira", label: "SHOP-123", title: null });
    // The same address on both issues: the merged issue keeps one.
    expect((await api("POST", `/api/v1/errors/${source}/links`, member, { url: "https://github.com/acme/shop/issues/42" })).status).toBe(201);

    const audit = (await api("GET", `/api/v1/errors/${target}`, member)).body as { audit: { action: string; after: unknown }[] };
    expect(audit.audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: "error.linked", after: { url: "https://github.com/acme/shop/issues/42", label: "acme/shop#42" } })]));

    expect((await api("POST", "/api/v1/errors/merge", member, { targetId: target, sourceIds: [source] })).status).toBe(200);
    const merged = (await api("GET", `/api/v1/errors/${target}/links`, member)).body as { items: IssueLinkDto[] };
    expect(merged.items.map((l) => l.label).sort()).toEqual(["SHOP-123", "acme/shop#42"]);

    const removed = await api("DELETE", `/api/v1/errors/${target}/links/${jira.id}`, member);
    expect(removed.status).toBe(204);
    expect(((await api("GET", `/api/v1/errors/${target}/links`, member)).body as { items: IssueLinkDto[] }).items.map((l) => l.label)).toEqual(["acme/shop#42"]);
    expect((await api("DELETE", `/api/v1/errors/${target}/links/${jira.id}`, member)).status).toBe(404);
    const afterRemoval = (await api("GET", `/api/v1/errors/${target}`, member)).body as { audit: { action: string; before: unknown }[] };
    expect(afterRemoval.audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: "error.unlinked", before: { url: "https://acme.atlassian.net/browse/SHOP-123", label: "SHOP-123" } })]));
  });
});
