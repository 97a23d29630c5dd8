import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";

/**
 * The migration that makes team names unique ignoring case, run on a database whose workspaces have
 * teams named alike: every migration before it is applied to a fresh database, the teams are planted,
 * then it and the later migrations run. The oldest keeps its name, the others get the first free
 * " (n)", audited; other workspaces are left alone.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const MIGRATION = "20261209000850_team_names_ignore_case";
const migrations = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((f) => /^\d{14}_/.test(f)).sort();
const database = `faultline_team_names_migration_${process.pid}`;
const ws = "0190cccc-0000-7000-8000-000000000001";
const other = "0190cccc-0000-7000-8000-000000000002";
const team = (n: number) => `0190dddd-0000-7000-8000-${String(n).padStart(12, "0")}`;
let client: pg.Client;

const sql = (name: string) => fs.readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql"), "utf8");

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: assertLocalDatabase() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE "${database}"`));
  const u = new URL(assertLocalDatabase());
  u.pathname = `/${database}`;
  client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  for (const name of migrations.filter((m) => m < MIGRATION)) await client.query(sql(name));
  await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Teams', 'teams'), ($2, 'Other', 'other')`, [ws, other]);
  const plant = [
    [team(1), ws, "Platform", "2026-01-01T00:00:00Z"],
    [team(2), ws, "platform", "2026-01-02T00:00:00Z"],
    [team(3), ws, "PLATFORM", "2026-01-03T00:00:00Z"],
    // Already the first suffix the renames would take: they skip it.
    [team(4), ws, "platform (2)", "2026-01-04T00:00:00Z"],
    [team(5), ws, "Billing", "2026-01-05T00:00:00Z"],
    [team(6), other, "platform", "2026-01-06T00:00:00Z"],
  ];
  for (const [id, workspaceId, name, createdAt] of plant) {
    await client.query(`INSERT INTO "Team" (id, "workspaceId", name, "createdAt") VALUES ($1, $2, $3, $4)`, [id, workspaceId, name, createdAt]);
  }
  for (const name of migrations.filter((m) => m >= MIGRATION)) await client.query(sql(name));
}, 300_000);

afterAll(async () => {
  await client?.end();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

describe(`migration ${MIGRATION} on teams named alike`, () => {
  it("keeps the oldest name and gives the later ones the first free suffix, ignoring case; other workspaces untouched", async () => {
    const { rows } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Team" ORDER BY id`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.name]))).toEqual({
      [team(1)]: "Platform",
      [team(2)]: "platform (3)",
      [team(3)]: "PLATFORM (4)",
      [team(4)]: "platform (2)",
      [team(5)]: "Billing",
      [team(6)]: "platform",
    });
  });

  it("records each rename in the workspace's audit trail, by the system", async () => {
    const { rows } = await client.query(`SELECT "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after FROM "AuditLog" ORDER BY "targetId"`);
    expect(rows).toEqual([
      { workspaceId: ws, actorId: null, actorType: "system", action: "team.updated", targetType: "team", targetId: team(2), before: { name: "platform" }, after: { name: "platform (3)", reason: "team names are unique ignoring case" } },
      { workspaceId: ws, actorId: null, actorType: "system", action: "team.updated", targetType: "team", targetId: team(3), before: { name: "PLATFORM" }, after: { name: "PLATFORM (4)", reason: "team names are unique ignoring case" } },
    ]);
  });

  it("refuses a name taken in any case from then on, under the index name the 409 reads (a rename to another case of its own is fine)", async () => {
    const clash = await client.query(`INSERT INTO "Team" (id, "workspaceId", name) VALUES ($1, $2, 'BILLING')`, [team(7), ws]).catch((error: pg.DatabaseError) => error);
    expect(clash).toMatchObject({ code: "23505", constraint: "Team_workspaceId_name_key" });
    await client.query(`UPDATE "Team" SET name = 'BILLING' WHERE id = $1`, [team(5)]);
    await client.query(`INSERT INTO "Team" (id, "workspaceId", name) VALUES ($1, $2, 'Billing')`, [team(8), other]);
  });
});
