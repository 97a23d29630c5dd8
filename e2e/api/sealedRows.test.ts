import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneEmptyDatabase, type ClonedDatabase } from "@/e2e/support/freshInstance";
import { countSealedRows } from "@/scripts/demoSecretKey.mjs";

/**
 * What `npm start` and the admin CLI count before they make a key for the embedded database
 * (scripts/demoSecretKey.mjs): a database with sealed values and no key file is refused. On a
 * database of its own, cloned from the empty migrated template.
 */
describe("countSealedRows", () => {
  let db: ClonedDatabase;
  beforeAll(async () => {
    db = await cloneEmptyDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("is 0 on an empty database, and counts sealed authenticator secrets and ingest key copies (not plain legacy ones)", async () => {
    expect(await countSealedRows(db.url)).toEqual({ twoFactor: 0, channels: 0, forwardingRules: 0, uptimeMonitors: 0, ingestKeys: 0, total: 0 });
    const [user, workspace, project] = [randomUUID(), randomUUID(), randomUUID()];
    await db.exec(`
      INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('${user}', 'sealed@test.local', 'Sealed', 'x');
      INSERT INTO "TwoFactor" ("userId", secrets) VALUES ('${user}', '{"sealed": "v1:abc"}');
      INSERT INTO "Workspace" (id, name, slug) VALUES ('${workspace}', 'W', 'sealed-w');
      INSERT INTO "Project" (id, "workspaceId", name, slug) VALUES ('${project}', '${workspace}', 'P', 'p');
      INSERT INTO "IngestKey" (id, "projectId", name, "keyHash", "keyPrefix", "keySealed") VALUES
        ('${randomUUID()}', '${project}', 'a', 'hash-a', 'a', 'v1:def'),
        ('${randomUUID()}', '${project}', 'b', 'hash-b', 'b', NULL);
      INSERT INTO "NotificationChannel" (id, "workspaceId", name, kind, secrets)
        VALUES ('${randomUUID()}', '${workspace}', 'legacy', 'webhook', '{"url": "https://hooks.example.com/plain"}');
    `);
    expect(await countSealedRows(db.url)).toEqual({ twoFactor: 1, channels: 0, forwardingRules: 0, uptimeMonitors: 0, ingestKeys: 1, total: 2 });
  });
});
