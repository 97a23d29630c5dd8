import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";
import { runToEnd } from "@/e2e/support/childProcess";

/**
 * The migration that partitions ErrorOccurrence, run on a database holding events: every migration
 * before it is applied to a fresh database, events are planted (40 days, sparse old days, repeated
 * groups), then it and the later migrations run. Nothing may be lost, ids and idempotency must hold,
 * and the app's own write path must work on the result.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const MIGRATION = "20261201232505_partition_occurrences";
const migrations = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((f) => /^\d{14}_/.test(f)).sort();
const database = `faultline_partition_migration_${process.pid}`;
const ws = "0190aaaa-0000-7000-8000-000000000001";
const pj = "0190aaaa-0000-7000-8000-000000000002";
const OCCURRENCES = 6_000;
let url: string;
let client: pg.Client;
let before: { n: number; fingerprint: string; days: string[] };

const sql = (name: string) => fs.readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql"), "utf8");
const fingerprintSql = `SELECT count(*)::int AS n, md5(string_agg(id::text || "eventId" || "occurredAt"::text || "groupId"::text || message, ',' ORDER BY id)) AS fingerprint FROM "ErrorOccurrence"`;

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
  url = u.toString();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const name of migrations.filter((m) => m < MIGRATION)) await client.query(sql(name));
  await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Migrated', 'migrated')`, [ws]);
  await client.query(`INSERT INTO "Project" (id, "workspaceId", name, slug) VALUES ($1, $2, 'Migrated', 'migrated')`, [pj, ws]);
  await client.query(
    `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "occurrenceCount")
     SELECT ('0190bbbb-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, $1, $2, 'fp-' || i, 'TypeError', 'group ' || i, 'high', 'runtime', 'app', now(), now(), 0
     FROM generate_series(1, 20) i`,
    [ws, pj],
  );
  // 40 recent days, plus a few events on sparse old days (a client with a wrong clock).
  await client.query(
    `INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", severity, message, "userId", "parentEventId")
     SELECT gen_random_uuid(), ('0190bbbb-0000-7000-8000-' || lpad((1 + n % 20)::text, 12, '0'))::uuid, $1, $2, 'evt-' || n,
       CASE WHEN n % 1000 = 0 THEN timestamptz '2019-03-01 12:00:00+00' + make_interval(days => n / 1000)
            ELSE now() - make_interval(mins => n * 9) END,
       'high', 'message ' || n, 'user-' || (n % 50), CASE WHEN n % 10 = 0 THEN 'evt-' || (n - 1) END
     FROM generate_series(1, $3) n`,
    [pj, ws, OCCURRENCES],
  );
  const [row] = (await client.query(fingerprintSql)).rows;
  const { rows: days } = await client.query(`SELECT DISTINCT to_char(("occurredAt" AT TIME ZONE 'UTC')::date, 'YYYYMMDD') AS d FROM "ErrorOccurrence" ORDER BY 1`);
  before = { n: row.n, fingerprint: row.fingerprint, days: days.map((d) => d.d) };

  for (const name of migrations.filter((m) => m >= MIGRATION)) await client.query(sql(name));
}, 300_000);

afterAll(async () => {
  await client?.end();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

describe(`migration ${MIGRATION} on a database holding events`, () => {
  it("keeps every occurrence, byte for byte (ids, event ids, times, groups, messages)", async () => {
    expect(before.n).toBe(OCCURRENCES);
    const [after] = (await client.query(fingerprintSql)).rows;
    expect(after).toEqual({ n: before.n, fingerprint: before.fingerprint });
  });

  it("puts each occurrence in its UTC day's partition, with partitions ahead", async () => {
    const { rows } = await client.query<{ part: string; wrong: number }>(
      `SELECT tableoid::regclass::text AS part, count(*) FILTER (WHERE tableoid::regclass::text <> '"ErrorOccurrence_p' || to_char(("occurredAt" AT TIME ZONE 'UTC')::date, 'YYYYMMDD') || '"')::int AS wrong
       FROM "ErrorOccurrence" GROUP BY 1`,
    );
    expect(rows.reduce((s, r) => s + r.wrong, 0)).toBe(0);
    const { rows: parts } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"ErrorOccurrence"'::regclass`,
    );
    const names = new Set(parts.map((p) => p.name));
    for (const d of before.days) expect(names.has(`ErrorOccurrence_p${d}`), d).toBe(true);
    const { rows: ahead } = await client.query<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'UTC')::date + 7, 'YYYYMMDD') AS d`);
    expect(names.has(`ErrorOccurrence_p${ahead[0].d}`)).toBe(true);
  });

  it("carries the primary key, indexes and foreign key onto every partition", async () => {
    const { rows } = await client.query<{ partition: number; parent: number }>(
      `SELECT (SELECT count(*)::int FROM pg_indexes WHERE tablename = (SELECT min(c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"ErrorOccurrence"'::regclass)) AS partition,
              (SELECT count(*)::int FROM pg_indexes WHERE tablename = 'ErrorOccurrence') AS parent`,
    );
    // Primary key + this migration's 7 indexes, and any a later migration adds: all on each partition.
    expect(rows[0].parent).toBeGreaterThanOrEqual(8);
    expect(rows[0].partition).toBe(rows[0].parent);
    await expect(
      client.query(`INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", severity, message) VALUES (gen_random_uuid(), gen_random_uuid(), $1, $2, 'x', now(), 'low', 'x')`, [pj, ws]),
    ).rejects.toMatchObject({ code: "23503" });
  });

  it("moves idempotency to ErrorEventId: one row per stored event, unique per project", async () => {
    const { rows } = await client.query<{ n: number; linked: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE o.id IS NOT NULL)::int AS linked FROM "ErrorEventId" k LEFT JOIN "ErrorOccurrence" o ON o.id = k."occurrenceId" AND o."occurredAt" = k."occurredAt"`,
    );
    expect(rows[0]).toEqual({ n: OCCURRENCES, linked: OCCURRENCES });
    await expect(client.query(`INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId") VALUES ($1, 'evt-1', now(), gen_random_uuid())`, [pj])).rejects.toMatchObject({
      code: "23505",
    });
  });

  it("lets the app's write path store new events and recognise migrated event ids as duplicates", async () => {
    const events = [
      { eventId: "evt-42", type: "TypeError", message: "sent again after the upgrade" },
      { eventId: "evt-new", type: "TypeError", message: "first after the upgrade", parentEventId: "evt-41" },
    ];
    const result = await runToEnd(path.join(root, "node_modules", ".bin", "tsx"), ["e2e/support/storeWithApp.ts", ws, pj, JSON.stringify(events)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      timeoutMs: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout.trim().split("\n").pop()!) as { eventId: string; duplicate: boolean }[];
    expect(outcome.map((r) => [r.eventId, r.duplicate])).toEqual([
      ["evt-42", true],
      ["evt-new", false],
    ]);
    const { rows } = await client.query(`SELECT o."parentOccurrenceId" = p.id AS linked FROM "ErrorOccurrence" o JOIN "ErrorOccurrence" p ON p."eventId" = 'evt-41' WHERE o."eventId" = 'evt-new'`);
    expect(rows).toEqual([{ linked: true }]);
  });
});
