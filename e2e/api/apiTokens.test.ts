import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

/** A request with `Authorization: Bearer <token>` and no cookie, as a script or CI job sends it. */
async function withToken(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("personal API tokens", () => {
  let t: Tenant;
  let member: string;
  let issueId: string;

  beforeAll(async () => {
    t = await createTenant("tokens");
    member = await login(t.member);
    const res = await postEvents(t.key, { type: "DeployCheckError", message: "health check failed after deploy", severity: "high" });
    issueId = (await res.json()).accepted[0].groupId;
  });

  it("acts as its user over the REST API: a write token resolves an issue (audited as the user), a read token only reads", async () => {
    const write = await api("POST", "/api/v1/account/tokens", member, { name: "CI deploy", scope: "write", expiresInDays: 30 });
    expect(write.status).toBe(201);
    expect(write.body.token).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(write.body).toMatchObject({ name: "CI deploy", scope: "write", prefix: write.body.token.slice(4, 12), lastUsedAt: null, expired: false });
    expect(Date.parse(write.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const list = await withToken("GET", `/api/v1/errors?workspaceId=${t.workspaceId}`, write.body.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { errorId: string }) => i.errorId)).toContain(issueId);
    const resolved = await withToken("PATCH", `/api/v1/errors/${issueId}`, write.body.token, { status: "resolved" });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe("resolved");
    const details = await api("GET", `/api/v1/errors/${issueId}`, member);
    expect(details.body.audit[0]).toMatchObject({ action: "error.resolved", actor: { email: t.member.email } });

    const read = await api("POST", "/api/v1/account/tokens", member, { name: "dashboard script", scope: "read" });
    expect(read.body.expiresAt).toBeNull();
    expect((await withToken("GET", `/api/v1/errors/${issueId}`, read.body.token)).status).toBe(200);
    const refused = await withToken("PATCH", `/api/v1/errors/${issueId}`, read.body.token, { status: "ignored" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/read-only/);
    // Dry runs change nothing: a read token may run them (with its user's role).
    const tested = await withToken("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules/test`, read.body.token, { errorId: issueId });
    expect(tested.status, JSON.stringify(tested.body)).toBe(200);
    expect(tested.body).toMatchObject({ matchedRule: null, facts: { type: "DeployCheckError" } });
    const preview = await withToken("POST", `/api/v1/projects/${t.projectId}/grouping-rules/preview`, read.body.token, { rules: [] });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ projectId: t.projectId, movedEvents: 0 });
    expect((await withToken("POST", `/api/v1/projects/${t.projectId}/grouping-rules`, read.body.token, { rules: [] })).body.error.message).toMatch(/read-only/);

    // The list shows both, never the tokens, and notes the write token's use (written in the background).
    await expect
      .poll(async () => (await api("GET", "/api/v1/account/tokens", member)).body.items.find((i: { id: string }) => i.id === write.body.id)?.lastUsedAt, { timeout: 10_000 })
      .not.toBeNull();
    const tokens = (await api("GET", "/api/v1/account/tokens", member)).body.items;
    expect(tokens.map((i: { name: string }) => i.name).sort()).toEqual(["CI deploy", "dashboard script"]);
    expect(JSON.stringify(tokens)).not.toContain(write.body.token);
  });

  it("has its user's roles as they are now, and stops working when revoked", async () => {
    const viewer = await login(t.viewer);
    const token = (await api("POST", "/api/v1/account/tokens", viewer, { name: "viewer script", scope: "write" })).body;
    expect((await withToken("PATCH", `/api/v1/errors/${issueId}`, token.token, { status: "ignored" })).status).toBe(403);
    expect((await withToken("GET", `/api/v1/errors/${issueId}`, token.token)).status).toBe(200);
    const other = await createTenant("tokens-other");
    expect((await withToken("GET", `/api/v1/errors?workspaceId=${other.workspaceId}`, token.token)).status).toBe(404);

    expect((await api("DELETE", `/api/v1/account/tokens/${token.id}`, viewer)).status).toBe(204);
    const after = await withToken("GET", `/api/v1/errors/${issueId}`, token.token);
    expect(after.status).toBe(401);
    expect((await api("DELETE", `/api/v1/account/tokens/${token.id}`, viewer)).status).toBe(404);
  });

  it("cannot manage tokens, sessions or the password, and bad tokens and input are refused clearly", async () => {
    const token = (await api("POST", "/api/v1/account/tokens", member, { name: "leaky", scope: "write" })).body.token;
    for (const [method, path, body] of [
      ["POST", "/api/v1/account/tokens", { name: "more", scope: "write" }],
      ["GET", "/api/v1/account/tokens", undefined],
      ["DELETE", "/api/v1/account/sessions", undefined],
      ["POST", "/api/v1/account/password", { currentPassword: "x", newPassword: "a-new-password-123" }],
    ] as const) {
      const res = await withToken(method, path, token, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.message).toMatch(/signed-in session/);
    }
    expect((await withToken("GET", "/api/v1/me", token)).body.user.email).toBe(t.member.email);

    expect((await withToken("GET", `/api/v1/errors/${issueId}`, `flt_${"x".repeat(43)}`)).status).toBe(401);
    expect((await withToken("GET", `/api/v1/errors/${issueId}`, "flt_short")).status).toBe(401);
    const bad = await api("POST", "/api/v1/account/tokens", member, { name: "", scope: "admin", expiresInDays: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["expiresInDays", "name", "scope"]);
    expect((await api("DELETE", "/api/v1/account/tokens/not-a-uuid", member)).status).toBe(422);
  });
});
