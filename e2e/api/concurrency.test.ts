import { describe, expect, it } from "vitest";
import { createTenant, getJson, postEvents } from "@/e2e/support/tenant";
import { query } from "@/e2e/support/dbCounts";

describe("concurrent ingest", () => {
  it("200 concurrent posts of one error make exactly one group with count 200", async () => {
    const t = await createTenant("conc");
    const event = (i: number) => ({
      type: "RaceError",
      message: `contention on row ${i}`,
      stackTrace: "RaceError: contention\n    at lockRow (/app/src/db/lock.js:10:3)\n    at main (/app/src/index.js:2:1)",
      userId: `user-${i % 50}`,
      agentId: `agent-${i % 7}`,
    });
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => postEvents(t.key, event(i))));
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(202));
    const groups = await query<{ occurrenceCount: number; usersAffected: number; agentsAffected: number }>(
      `SELECT "occurrenceCount", "usersAffected", "agentsAffected" FROM "ErrorGroup" WHERE "projectId" = $1`,
      [t.projectId],
    );
    expect(groups).toEqual([{ occurrenceCount: 200, usersAffected: 50, agentsAffected: 7 }]);
    const [{ n }] = await query<{ n: string }>(`SELECT sum(count) AS n FROM "ErrorHourly" WHERE "projectId" = $1`, [t.projectId]);
    expect(Number(n)).toBe(200);
    // The daily rollups agree: one row for the group and day, and the sharded per-project totals
    // count 200 events of exactly one distinct error however the writers were spread.
    const [daily] = await query<{ rows: string; n: string }>(`SELECT count(*) AS rows, sum(count) AS n FROM "ErrorDaily" WHERE "projectId" = $1`, [t.projectId]);
    expect({ rows: Number(daily.rows), n: Number(daily.n) }).toEqual({ rows: 1, n: 200 });
    const [totals] = await query<{ n: string; errors: string }>(`SELECT sum(count) AS n, sum(errors) AS errors FROM "ProjectDaily" WHERE "projectId" = $1`, [t.projectId]);
    expect({ n: Number(totals.n), errors: Number(totals.errors) }).toEqual({ n: 200, errors: 1 });
    const list = await (await getJson(`/api/v1/errors?projectId=${t.projectId}`, { key: t.key })).json();
    expect(list.items[0].occurrences).toBe(200);
  });

  it("never refuses an event when several requests create the same new error at once", async () => {
    // Each round is a brand-new error posted by 8 requests at the same moment: they race to create
    // its group row. Every one must be accepted (2xx) and counted.
    const t = await createTenant("conc-new");
    for (let round = 0; round < 12; round++) {
      const event = { type: `FreshError${round}`, message: `first seen in round ${round}`, stackTrace: `FreshError${round}: x\n    at f${round} (/app/src/f.js:1:1)` };
      const responses = await Promise.all(Array.from({ length: 8 }, () => postEvents(t.key, event)));
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(202));
    }
    const groups = await query<{ occurrenceCount: number }>(`SELECT "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
    expect(groups.map((g) => g.occurrenceCount)).toEqual(Array(12).fill(8));
  });
});
