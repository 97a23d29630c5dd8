import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { recordJobRun } from "@/lib/jobRuns/recordJobRun";

/**
 * Jobs with long intervals run when due by their last start on any instance (JobRun), not an
 * interval after each process starts: a restart neither postpones nor repeats them.
 */
describe("long jobs run when due across processes", () => {
  const HOUR = 3_600_000;

  it("runs a job never recorded, skips it within its interval, runs it again once the interval has passed", async () => {
    const name = `test-job-${randomUUID()}`;
    let runs = 0;
    const job = async () => ++runs;

    expect(await recordJobRun(name, job, HOUR)).toEqual({ ran: true, result: 1 });
    // A second process starting now (a restart, another instance) finds it ran lately.
    expect(await recordJobRun(name, job, HOUR)).toEqual({ ran: false });
    expect(runs).toBe(1);

    await query(`UPDATE "JobRun" SET "lastStartedAt" = now() - interval '61 minutes' WHERE name = $1`, [name]);
    expect(await recordJobRun(name, job, HOUR)).toEqual({ ran: true, result: 2 });
    const [row] = await query<{ runs: number; lastStatus: string }>(`SELECT runs, "lastStatus" FROM "JobRun" WHERE name = $1`, [name]);
    expect(row).toEqual({ runs: 2, lastStatus: "ok" });
  });

  it("runs a short job on every turn (no due check)", async () => {
    const name = `test-job-${randomUUID()}`;
    let runs = 0;
    for (let i = 0; i < 3; i++) await recordJobRun(name, async () => ++runs);
    expect(runs).toBe(3);
  });
});
