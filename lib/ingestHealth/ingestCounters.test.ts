import { afterEach, describe, expect, it, vi } from "vitest";

const query = vi.fn<(sql: string, params: unknown[]) => Promise<{ rows: never[] }>>(async () => ({ rows: [] }));
vi.mock("@/lib/db/pool", () => ({ pool: () => ({ query }) }));

const { countIngest, flushIngestCounters } = await import("@/lib/ingestHealth/ingestCounters");
const { INT4_MAX } = await import("@/lib/db/saturatingCounter");

const target = { workspaceId: "00000000-0000-7000-8000-000000000001", projectId: "00000000-0000-7000-8000-000000000002" };
const flushedRows = () => JSON.parse(String(query.mock.calls.at(-1)?.[1][0])) as Record<string, unknown>[];

describe("ingest counters", () => {
  afterEach(() => query.mockClear());

  it("hold a client report's claimed discards at the largest integer the IngestMinute row takes", async () => {
    // Three client reports of a billion discards each, within one minute.
    for (let i = 0; i < 3; i++) countIngest(target, "clientDiscarded", 1_000_000_000, Date.UTC(2026, 0, 1, 12, 0, 30));
    await flushIngestCounters();
    expect(flushedRows()).toEqual([expect.objectContaining({ projectId: target.projectId, clientDiscarded: INT4_MAX })]);
  });

  it("saturate in the statement too, so a row already near the top takes more without failing", async () => {
    countIngest(target, "accepted", 1, Date.UTC(2026, 0, 1, 12, 1));
    await flushIngestCounters();
    const sql = String(query.mock.calls.at(-1)?.[0]);
    expect(sql).toContain(`"clientDiscarded" = LEAST(("IngestMinute"."clientDiscarded")::bigint + (excluded."clientDiscarded"), 2147483647)::int`);
    expect(sql).not.toMatch(/"IngestMinute"\.\w+ \+ excluded/);
  });

  it("keep counts that failed to be written saturated when merged with new ones", async () => {
    const at = Date.UTC(2026, 0, 1, 12, 2);
    countIngest(target, "clientDiscarded", INT4_MAX, at);
    query.mockRejectedValueOnce(new Error("connection refused"));
    await flushIngestCounters();
    countIngest(target, "clientDiscarded", INT4_MAX, at);
    await flushIngestCounters();
    expect(flushedRows()).toEqual([expect.objectContaining({ clientDiscarded: INT4_MAX })]);
  });
});
