import type pg from "pg";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { nativeEvent } from "@/scripts/bench/ingestPayloads";

export interface StatementTiming {
  statement: string;
  calls: number;
  avgMs: number;
}

export interface TransactionProfile {
  events: number;
  prepareMsPerEvent: number;
  statements: StatementTiming[];
  totalMs: number;
}

/**
 * Times each statement of the ingest transaction in-process (lib code, the app's database) for
 * transactions of `sizes` events: BEGIN with the grouping lock, the group resolution, the write
 * statement (and the parent links when events name parents), the alert outbox row with COMMIT.
 * Needs DATABASE_URL set before it is called.
 */
export async function profileStatements(target: { workspaceId: string; projectId: string }, sizes: number[], rounds: number): Promise<TransactionProfile[]> {
  const { ingestPool } = await import("@/lib/db/pool");
  const { ensureOccurrencePartitions } = await import("@/lib/db/partitions/occurrencePartitions");
  const { prepareEvent } = await import("@/lib/ingest/prepareEvent");
  const { IngestEventSchema } = await import("@/lib/ingest/eventSchema");
  const profiles: TransactionProfile[] = [];
  let offset = 1_000_000;
  for (const size of sizes) {
    const timings = new Map<string, number[]>();
    let prepareMs = 0;
    let totalMs = 0;
    for (let round = 0; round < rounds; round++) {
      const raw = Array.from({ length: size }, (_, i) => IngestEventSchema.parse(nativeEvent(offset + i)));
      offset += size;
      const t0 = performance.now();
      const events = raw.map((e) => prepareEvent(e));
      prepareMs += performance.now() - t0;
      // As runStore does before each write (cached after the first): the events' day partitions exist.
      await ensureOccurrencePartitions(events.map((e) => e.occurredAt.toISOString().slice(0, 10)));
      const client = await ingestPool().connect();
      const query = client.query;
      client.query = timed(query.bind(client), timings) as typeof client.query;
      const t1 = performance.now();
      try {
        await writeInOneTransaction(client, target, events);
      } finally {
        totalMs += performance.now() - t1;
        client.query = query;
        client.release();
      }
    }
    profiles.push({
      events: size,
      prepareMsPerEvent: prepareMs / (rounds * size),
      totalMs: totalMs / rounds,
      statements: [...timings.entries()].map(([statement, ms]) => ({ statement, calls: ms.length / rounds, avgMs: ms.reduce((a, b) => a + b, 0) / rounds })),
    });
  }
  return profiles;
}

function timed(query: (...args: unknown[]) => Promise<unknown>, timings: Map<string, number[]>) {
  return async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await query(...args);
    } finally {
      const label = labelOf(args[0]);
      timings.set(label, [...(timings.get(label) ?? []), performance.now() - t0]);
    }
  };
}

function labelOf(statement: unknown): string {
  const config = statement as pg.QueryConfig | string;
  if (typeof config === "object" && config.name) return config.name;
  const text = (typeof config === "string" ? config : config.text).trim();
  if (/^WITH linked/.test(text)) return "parent links";
  if (/pg_advisory_xact_lock_shared/.test(text)) return "BEGIN + grouping lock";
  if (/COMMIT$/.test(text)) return /AlertOutbox/.test(text) ? "alert outbox + COMMIT" : "COMMIT";
  return text.split(/\s+/).slice(0, 3).join(" ");
}

/**
 * A batch written as the app writes it (lib/ingest/storeEvents.ts runStore): one transaction on the
 * caller's connection. The one place benchmarks mirror runStore, so they change with it together.
 */
export async function writeInOneTransaction(client: pg.PoolClient, target: { workspaceId: string; projectId: string }, events: PreparedEvent[]): Promise<void> {
  const { writeEvents } = await import("@/lib/ingest/storeEvents");
  const { BundledTransaction } = await import("@/lib/db/bundledTransaction");
  const tx = new BundledTransaction(client);
  await writeEvents(tx, target, events);
  await tx.commit();
}
