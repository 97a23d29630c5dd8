// @serial-db: asserts whole-table row counts, so it runs while no other test file writes.
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { ingestTableCounts } from "@/e2e/support/dbCounts";
import { revokeIngestKey } from "@/lib/projects/revokeIngestKey";

describe("workspace isolation and roles", () => {
  let a: Tenant;
  let b: Tenant;
  let errorInB: string;
  beforeAll(async () => {
    a = await createTenant("iso-a");
    b = await createTenant("iso-b");
    const res = await postEvents(b.key, { type: "SecretError", message: "belongs to B" });
    errorInB = (await res.json()).accepted[0].groupId;
  });

  it("a key from workspace A cannot write to workspace B", async () => {
    const before = await ingestTableCounts();
    const res = await postEvents(a.key, { type: "Error" }, { "x-faultline-project": b.projectId });
    expect(res.status).toBe(403);
    expect(await ingestTableCounts()).toEqual(before);
  });

  it("a key from workspace A cannot read workspace B", async () => {
    expect((await getJson(`/api/v1/errors/${errorInB}`, { key: a.key })).status).toBe(404);
    expect((await getJson(`/api/v1/errors?workspaceId=${b.workspaceId}`, { key: a.key })).status).toBe(404);
    expect((await getJson(`/api/v1/errors?projectId=${b.projectId}`, { key: a.key })).status).toBe(403);
    const own = await (await getJson(`/api/v1/errors`, { key: a.key })).json();
    expect(own.items.some((e: { errorId: string }) => e.errorId === errorInB)).toBe(false);
  });

  it("a user of workspace A cannot read or change workspace B", async () => {
    const cookie = await login(a.admin);
    expect((await getJson(`/api/v1/errors/${errorInB}`, { cookie })).status).toBe(404);
    expect((await patchJson(`/api/v1/errors/${errorInB}`, cookie, { status: "resolved" })).status).toBe(404);
    const all = await (await getJson(`/api/v1/errors`, { cookie })).json();
    expect(all.items.every((e: { workspaceId: string }) => e.workspaceId === a.workspaceId)).toBe(true);
  });

  it("viewers cannot change status (403) but can read", async () => {
    const cookie = await login(b.viewer);
    expect((await getJson(`/api/v1/errors/${errorInB}`, { cookie })).status).toBe(200);
    const res = await patchJson(`/api/v1/errors/${errorInB}`, cookie, { status: "resolved" });
    expect(res.status).toBe(403);
    const after = await (await getJson(`/api/v1/errors/${errorInB}`, { cookie })).json();
    expect(after.status).toBe("new");
  });

  it("unauthenticated reads get 401, bad PATCH bodies 422 naming the field", async () => {
    expect((await getJson(`/api/v1/errors`, {})).status).toBe(401);
    const cookie = await login(b.member);
    const res = await patchJson(`/api/v1/errors/${errorInB}`, cookie, { status: "done" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0].path).toBe("status");
  });

  it("a key revoked through the API gets 401 at once", async () => {
    const t = await createTenant("revoke-api");
    expect((await postEvents(t.key, { type: "Before" })).status).toBe(202);
    const res = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/keys/${t.keyId}`, { method: "DELETE", headers: { cookie: await login(t.admin) } });
    expect(res.status).toBe(204);
    expect((await postEvents(t.key, { type: "After" })).status).toBe(401);
  });

  it("a key revoked elsewhere (another instance, the database) gets 401 once the key cache expires", async () => {
    const t = await createTenant("revoke");
    expect((await postEvents(t.key, { type: "Before" })).status).toBe(202);
    await revokeIngestKey({ projectId: t.projectId, keyId: t.keyId });
    // The app trusts a key it read for KEY_MAX_AGE_MS (4 s); the wait is generous for a loaded machine.
    await waitFor(async () => ((await postEvents(t.key, { type: "After" })).status === 401 ? true : undefined), 60_000, 250);
  });

  it("wrong password is refused", async () => {
    const res = await fetch(`${process.env.APP_URL}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: a.admin.email, password: "wrong" }),
    });
    expect(res.status).toBe(401);
  });
});
