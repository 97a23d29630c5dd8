/**
 * npm run bench:ingest-ab — the ingest transaction on two identical databases in one PostgreSQL: A
 * as migrated, B after BENCH_AB_SQL (an index dropped, a fillfactor, a setting…). Transactions go
 * to A and B alternately (the order flipped every round), so the machine's drift cancels and a few
 * per cent are measurable that whole-app runs lose in their noise. Prints each side's median ms per
 * transaction (the first third of the rounds is warm-up) and B/A, then how many of A's row updates
 * were HOT per table (an update that changes an indexed column writes every index of the table).
 * Knobs: BENCH_AB_SQL (run on B before the first round; empty = A/A, the method's own noise),
 * BENCH_AB_EVENTS (16 per transaction), BENCH_AB_ROUNDS (240), BENCH_PG_PORT (5473),
 * BENCH_AB_PAYLOAD (native, or sentry: the events bench:ingest sends as envelopes, mapped as ingest maps them).
 */
import pg from "pg";
import { startBenchDatabase } from "@/scripts/bench/benchApp";
import { nativeEvent, sentryEvent } from "@/scripts/bench/ingestPayloads";
import { writeInOneTransaction } from "@/scripts/bench/statementProfile";

const size = Number(process.env.BENCH_AB_EVENTS ?? 16);
const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 240);
const sqlB = process.env.BENCH_AB_SQL ?? "";
const port = Number(process.env.BENCH_PG_PORT ?? 5473);
const payload = process.env.BENCH_AB_PAYLOAD === "sentry" ? "sentry" : "native";

async function main() {
  const database = await startBenchDatabase(port);
  process.env.DATABASE_URL = database.url;
  const { createBenchProject } = await import("@/scripts/bench/benchProject");
  const { ensureOccurrencePartitions } = await import("@/lib/db/partitions/occurrencePartitions");
  const { prepareEvent } = await import("@/lib/ingest/prepareEvent");
  const { IngestEventSchema } = await import("@/lib/ingest/eventSchema");
  const { mapSentryEvent } = await import("@/lib/sentry/mapSentryEvent");
  const { db } = await import("@/lib/db/prisma");
  const { pool, ingestPool } = await import("@/lib/db/pool");
  const sides: pg.Pool[] = [];
  try {
    const project = await createBenchProject("ingest-ab");
    const target = { workspaceId: project.workspaceId, projectId: project.projectId };
    // Both databases get the partitions of today and tomorrow (UTC) before B is copied from A.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await ensureOccurrencePartitions([day(0), day(1)]);
    await db().$disconnect();
    await Promise.all([pool().end(), ingestPool().end()]);

    const nameA = new URL(database.url).pathname.slice(1);
    const nameB = `${nameA}_b`;
    const urlOf = (name: string) => Object.assign(new URL(database.url), { pathname: `/${name}` }).toString();
    const admin = new pg.Client({ connectionString: urlOf("postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${nameB}"`);
    await admin.query(`CREATE DATABASE "${nameB}" TEMPLATE "${nameA}"`);
    await admin.end();

    // As the app's ingest pool: generic plans (lib/db/pool.ts ingestPool).
    const open = (name: string) => {
      const side = new pg.Pool({ connectionString: urlOf(name), max: 1, options: "-c plan_cache_mode=force_generic_plan" });
      // The database stops at the end: a connection it closes first must not crash the run after its figures.
      side.on("error", () => undefined);
      return side;
    };
    const a = open(nameA);
    const b = open(nameB);
    sides.push(a, b);
    if (sqlB) await b.query(sqlB);

    let offset = 0;
    const nextBatch = () => {
      const input = (i: number) => (payload === "sentry" ? mapSentryEvent(sentryEvent(i)).events[0] : nativeEvent(i));
      const events = Array.from({ length: size }, (_, i) => prepareEvent(IngestEventSchema.parse(input(offset + i))));
      offset += size;
      return events;
    };
    const times = { A: [] as number[], B: [] as number[] };
    const run = async (side: "A" | "B", events: ReturnType<typeof nextBatch>) => {
      const client = await (side === "A" ? a : b).connect();
      const started = performance.now();
      try {
        await writeInOneTransaction(client, target, events);
      } finally {
        client.release();
      }
      times[side].push(performance.now() - started);
    };
    for (let round = 0; round < rounds; round++) {
      const events = nextBatch();
      for (const side of round % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const)) await run(side, events);
    }

    const median = (xs: number[]) => {
      const sorted = xs.slice(Math.floor(xs.length / 3)).sort((x, y) => x - y);
      return sorted[Math.floor(sorted.length / 2)];
    };
    const [mA, mB] = [median(times.A), median(times.B)];
    console.log(`Ingest transaction A/B — ${size} ${payload} events per transaction, ${rounds} rounds, B: ${sqlB || "(as A)"}`);
    console.log(`  A ${mA.toFixed(2)} ms (${(mA / size).toFixed(3)} ms/event)   B ${mB.toFixed(2)} ms (${(mB / size).toFixed(3)} ms/event)   B/A ${(mB / mA).toFixed(3)}`);
    const { rows } = await a.query<{ table: string; updates: string; hot: string; indexes: string }>(
      `SELECT t.relname AS table, t.n_tup_upd AS updates, t.n_tup_hot_upd AS hot, (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.relid) AS indexes
       FROM pg_stat_user_tables t WHERE t.n_tup_upd > 0 ORDER BY t.n_tup_upd DESC LIMIT 20`,
    );
    console.log("\n  A's row updates (pg_stat_user_tables): table, updates, HOT share, indexes");
    for (const r of rows) console.log(`  ${r.table.padEnd(28)} ${r.updates.padStart(8)}  ${((100 * Number(r.hot)) / Number(r.updates)).toFixed(0).padStart(3)} %  ${r.indexes}`);
  } finally {
    await Promise.all(sides.map((side) => side.end()));
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
