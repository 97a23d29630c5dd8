import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { sealIngestKey } from "@/lib/projects/ingestKeySeal";
import { resealIngestKeys } from "@/lib/projects/resealIngestKeys";
import { makeKeyring } from "@/lib/security/secretBox";

/**
 * An admin copies a project's DSN again (GET /api/v1/projects/:id/keys/:keyId/dsn): the key is kept
 * sealed with FAULTLINE_SECRET_KEY beside its hash, never in clear; admins only, audited; revoked
 * keys (410), keys from before copies were kept (409) and copies that no longer open (503) refused.
 */
const dsnPath = (projectId: string, keyId: string) => `/api/v1/projects/${projectId}/keys/${keyId}/dsn`;
const expectedDsn = (key: string, publicId: number) => `${BASE_URL.replace("://", `://${key}@`)}/${publicId}`;

async function keyRow(keyId: string) {
  const [row] = await query<{ keySealed: string | null; row: string }>(`SELECT "keySealed", row_to_json(k)::text AS row FROM "IngestKey" k WHERE id = $1`, [keyId]);
  return row;
}

describe("revealing an ingest key again", () => {
  let t: Tenant;
  let other: Tenant;
  let admin: string;

  beforeAll(async () => {
    [t, other] = await Promise.all([createTenant("reveal"), createTenant("reveal-other")]);
    admin = await login(t.admin);
  });

  it("answers the exact key that was created, and its DSN; that key ingests; the database holds it sealed only; audited", async () => {
    const created = await api("POST", `/api/v1/projects/${t.projectId}/keys`, admin, { name: "checkout service" });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };

    const res = await fetch(`${BASE_URL}${dsnPath(t.projectId, id)}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const revealed = await res.json();
    expect(revealed).toEqual({ id, name: "checkout service", keyPrefix: key.slice(0, 8), key, dsn: expectedDsn(key, t.projectPublicId) });
    expect((await postEvents(revealed.key, { type: "RevealedKeyError", message: "sent with the revealed key" })).status).toBe(202);

    // At rest: a sealed string, the key in no column of the row.
    const row = await keyRow(id);
    expect(row.keySealed).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.row).not.toContain(key);

    // The list says which keys can be shown, never the keys.
    const listed = await api("GET", `/api/v1/projects/${t.projectId}/keys`, admin);
    expect(listed.body.items.find((k: { id: string }) => k.id === id)).toMatchObject({ revealable: true });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const [entry] = await query<{ action: string; actorId: string; after: Record<string, unknown>; text: string }>(
      `SELECT action, "actorId", after, row_to_json(a)::text AS text FROM "AuditLog" a WHERE "workspaceId" = $1 AND action = 'ingest_key.revealed' AND "targetId" = $2`,
      [t.workspaceId, id],
    );
    expect(entry).toMatchObject({ actorId: t.admin.id, after: { projectId: t.projectId, name: "checkout service", keyPrefix: key.slice(0, 8) } });
    expect(entry.text).not.toContain(key);
  });

  it("reveals the keys every creation path makes: a new project's first key and a seeded one", async () => {
    const project = await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: `Reveal API ${randomBytes(3).toString("hex")}` });
    expect(project.status).toBe(201);
    const first = await api("GET", dsnPath(project.body.id, project.body.ingestKeyId), admin);
    expect(first.body).toMatchObject({ key: project.body.ingestKey, dsn: project.body.dsn });
    // createTenant's key (lib/projects/createIngestKey, as setup, the CLI and the demo seed make them).
    expect((await api("GET", dsnPath(t.projectId, t.keyId), admin)).body.key).toBe(t.key);
  });

  it("admins only: viewer and member 403, another workspace 404, an ingest key 401; an admin's API token may read it", async () => {
    const [viewer, member, outsider] = await Promise.all([login(t.viewer), login(t.member), login(other.admin)]);
    expect((await api("GET", dsnPath(t.projectId, t.keyId), viewer)).status).toBe(403);
    expect((await api("GET", dsnPath(t.projectId, t.keyId), member)).status).toBe(403);
    expect((await api("GET", dsnPath(t.projectId, t.keyId), outsider)).status).toBe(404);
    // Another workspace's key through this project, and an unknown key: 404 alike.
    expect((await api("GET", dsnPath(t.projectId, other.keyId), admin)).status).toBe(404);
    expect((await api("GET", dsnPath(other.projectId, other.keyId), admin)).status).toBe(404);
    const withKey = await fetch(`${BASE_URL}${dsnPath(t.projectId, t.keyId)}`, { headers: { "x-faultline-key": t.key } });
    expect(withKey.status).toBe(401);

    const token = (await api("POST", "/api/v1/account/tokens", admin, { name: "reveal script", scope: "read" })).body.token as string;
    const byToken = await fetch(`${BASE_URL}${dsnPath(t.projectId, t.keyId)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(200);
    expect((await byToken.json()).key).toBe(t.key);
  });

  it("a revoked key is refused (410) and its sealed copy is gone", async () => {
    const { id, key } = (await api("POST", `/api/v1/projects/${t.projectId}/keys`, admin, { name: "to revoke" })).body as { id: string; key: string };
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/keys/${id}`, admin)).status).toBe(204);
    const res = await api("GET", dsnPath(t.projectId, id), admin);
    expect(res.status).toBe(410);
    expect(res.body.error).toMatchObject({ code: "ingest_key_revoked", keyId: id });
    expect(JSON.stringify(res.body)).not.toContain(key);
    expect((await keyRow(id)).keySealed).toBeNull();
    const listed = await api("GET", `/api/v1/projects/${t.projectId}/keys`, admin);
    expect(listed.body.items.find((k: { id: string }) => k.id === id)).toMatchObject({ revealable: false });
  });

  it("a key from before copies were kept: 409 saying to create a new key (it still ingests)", async () => {
    const { id, key } = (await api("POST", `/api/v1/projects/${t.projectId}/keys`, admin, { name: "old key" })).body as { id: string; key: string };
    await query(`UPDATE "IngestKey" SET "keySealed" = NULL WHERE id = $1`, [id]);
    const res = await api("GET", dsnPath(t.projectId, id), admin);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "ingest_key_not_kept", keyId: id });
    expect(res.body.error.message).toMatch(/create a new key/);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/keys`, admin)).body.items.find((k: { id: string }) => k.id === id)).toMatchObject({ revealable: false });
    expect((await postEvents(key, { type: "OldKeyError", message: "still accepted" })).status).toBe(202);
  });

  describe("FAULTLINE_SECRET_KEY changes", () => {
    const saved = process.env.FAULTLINE_SECRET_KEY_PREVIOUS;
    afterEach(() => {
      if (saved === undefined) delete process.env.FAULTLINE_SECRET_KEY_PREVIOUS;
      else process.env.FAULTLINE_SECRET_KEY_PREVIOUS = saved;
    });

    it("a copy sealed with a key the server no longer has: a clear 503, not a crash; once the old key is given, the re-seal pass makes it readable", async () => {
      const { id, key } = (await api("POST", `/api/v1/projects/${t.projectId}/keys`, admin, { name: "rotated" })).body as { id: string; key: string };
      const oldKey = randomBytes(32);
      await query(`UPDATE "IngestKey" SET "keySealed" = $2 WHERE id = $1`, [id, sealIngestKey(id, key, makeKeyring(oldKey))]);

      const res = await api("GET", dsnPath(t.projectId, id), admin);
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "secret_key_mismatch", keyId: id });
      expect(res.body.error.message).toContain("FAULTLINE_SECRET_KEY");

      // What start-up and `npm run secrets:rotate` run, with the old key in FAULTLINE_SECRET_KEY_PREVIOUS.
      process.env.FAULTLINE_SECRET_KEY_PREVIOUS = oldKey.toString("hex");
      expect((await resealIngestKeys()).resealed).toBeGreaterThanOrEqual(1);
      const resealed = await keyRow(id);
      expect(resealed.keySealed).toMatch(/^v1:[0-9a-f]{8}:/);
      expect(resealed.row).not.toContain(key);
      expect((await api("GET", dsnPath(t.projectId, id), admin)).body.key).toBe(key);
    });
  });
});
