import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";
import { actorCountsFolded, query } from "@/e2e/support/dbCounts";
import { createTenant } from "@/e2e/support/tenant";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";

/**
 * The grouping migration folds the extra occurrences the old Sentry mapping made for chained
 * exceptions ("<eventId>-c<n>", each in an issue of its own) back into the raised exception's event.
 * Old-style rows are written through the same store path the old mapping used, then the fold
 * section of the migration runs again (it is idempotent: a second run finds nothing).
 */
const MIGRATION = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261201232600_grouping_chains/migration.sql"), "utf8");
const FOLD = MIGRATION.slice(MIGRATION.indexOf("-- fold-chained-occurrences:begin"), MIGRATION.indexOf("-- fold-chained-occurrences:end"));

async function runFold() {
  const client = new pg.Client({ connectionString: assertLocalDatabase() });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(FOLD);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

const at = new Date(Date.now() - 3600_000).toISOString();

describe("migration: chained occurrences of the old Sentry mapping", () => {
  it("folds them into the raised exception's event with every count corrected", async () => {
    const t = await createTenant("fold");
    const target = { workspaceId: t.workspaceId, projectId: t.projectId };
    const shared = { occurredAt: at, userId: "shopper-1", platform: "node" };
    const main = { eventId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", type: "Error", message: "checkout failed", stackTrace: "Error: checkout failed\n    at checkout (/app/src/checkout.js:1:1)", ...shared };
    // What the old mapping produced for the cause: an event of its own, linked to the main one.
    const cause = {
      eventId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c1",
      parentEventId: main.eventId,
      type: "TypeError",
      message: "fetch failed",
      stackTrace: "TypeError: fetch failed\n    at fetchStock (/app/src/stock.js:1:1)",
      context: { sentry: { chainedFrom: main.eventId, chainIndex: 1 } },
      ...shared,
    };
    // The cause's issue also holds a genuine event of its own: it must keep that one.
    const genuine = { eventId: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", type: "TypeError", message: "fetch failed", stackTrace: cause.stackTrace, ...shared, userId: "shopper-2" };
    await storeEvents(target, [main].map((e) => prepareEvent(IngestEventSchema.parse(e))));
    const stored = await storeEvents(target, [cause, genuine].map((e) => prepareEvent(IngestEventSchema.parse(e))));
    const causeGroup = stored.results[0].groupId;

    const before = await query<{ events: number; errors: number }>(`SELECT sum(count)::int AS events, sum(errors)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1`, [t.projectId]);
    expect(before[0]).toEqual({ events: 3, errors: 2 });

    // The migration ran before per-user counts were deferred (ActorPending): as then, they are in the rollups.
    await actorCountsFolded(t.projectId);
    await runFold();
    await runFold();

    const groups = await query<{ id: string; type: string; occurrenceCount: number; usersAffected: number; cascadingFailures: number }>(
      `SELECT id, type, "occurrenceCount", "usersAffected", "cascadingFailures" FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY type`,
      [t.projectId],
    );
    expect(groups.map((g) => [g.type, g.occurrenceCount, g.usersAffected, g.cascadingFailures])).toEqual([
      ["Error", 1, 1, 0],
      ["TypeError", 1, 1, 0],
    ]);
    expect(groups[1].id).toBe(causeGroup);
    const [occ] = await query<{ exceptions: { type: string; relation: string }[] }>(`SELECT exceptions FROM "ErrorOccurrence" WHERE "eventId" = $1`, [main.eventId]);
    expect(occ.exceptions.map((e) => [e.type, e.relation])).toEqual([["Error", "raised"], ["TypeError", "cause"]]);
    expect(await query(`SELECT 1 FROM "ErrorOccurrence" WHERE "eventId" = $1`, [cause.eventId])).toEqual([]);

    const after = await query<{ events: number; errors: number }>(`SELECT sum(count)::int AS events, sum(errors)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1`, [t.projectId]);
    expect(after[0]).toEqual({ events: 2, errors: 2 });
    const [hourly] = await query<{ n: number }>(`SELECT sum(count)::int AS n FROM "ErrorHourly" WHERE "groupId" = $1`, [causeGroup]);
    expect(hourly.n).toBe(1);
    const [users] = await query<{ n: number }>(`SELECT sum(count)::int AS n FROM "UserDaily" WHERE "projectId" = $1 AND "userId" = 'shopper-1'`, [t.projectId]);
    expect(users.n).toBe(1);
    expect(await query(`SELECT 1 FROM "CascadeDaily" WHERE "childGroupId" = $1`, [causeGroup])).toEqual([]);
  });

  it("removes an issue that only ever held such copies", async () => {
    const t = await createTenant("fold2");
    const target = { workspaceId: t.workspaceId, projectId: t.projectId };
    const main = { eventId: "cccccccccccccccccccccccccccccccc", type: "Error", message: "outer", occurredAt: at };
    const cause = { eventId: `${main.eventId}-c1`, parentEventId: main.eventId, type: "RangeError", message: "inner", occurredAt: at, context: { sentry: { chainedFrom: main.eventId, chainIndex: 1 } } };
    await storeEvents(target, [main, cause].map((e) => prepareEvent(IngestEventSchema.parse(e))));
    await runFold();
    const groups = await query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
    expect(groups).toEqual([{ type: "Error" }]);
    const [daily] = await query<{ errors: number }>(`SELECT sum(errors)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1`, [t.projectId]);
    expect(daily.errors).toBe(1);
  });
});
