import { z } from "zod";
import { IngestAckSchema } from "@/lib/domain/ingestAck";
import { IdSchema } from "@/lib/domain/idSchema";

const Counts = z.object({
  accepted: z.number().int().describe("events stored"),
  duplicate: z.number().int().describe("event ids already stored, not counted again"),
  rateLimited: z.number().int().describe("refused by a rate limit or quota (429)"),
  sampled: z.number().int().describe("counted, occurrence not kept (spike protection, per-issue cap)"),
  dropped: z.number().int().describe("refused as invalid or lost to a server error"),
  filtered: z.number().int().describe("dropped by the project's inbound filters"),
  clientDiscarded: z.number().int().describe("discarded by the SDK before sending (Sentry client reports)"),
});

const TableSize = z.object({ name: z.string(), bytes: z.number(), rows: z.number() });

/** GET /api/v1/workspaces/:workspaceId/ingest-health — the status page's data. */
export const IngestHealthSchema = z.object({
  generatedAt: z.string(),
  projects: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      eventsPerSecond: z.number().describe("events received per second over the last 5 minutes (all outcomes but client-discarded)"),
      lastHour: Counts,
      last24h: Counts,
      storage: z
        .object({ bytes: z.number(), sampledAt: z.string(), tables: z.array(TableSize) })
        .nullable()
        .describe("this project's share of each table (rows × bytes per row), from the latest storage sample"),
    }),
  ),
  /** Instance-wide figures (every tenant's tables, the disk, the data directory, every job): the instance operator only (null for anyone else, workspace admins included). */
  database: z
    .object({
      bytes: z.number(),
      tables: z.array(TableSize.extend({ partitions: z.number().int() })),
      growthPerDayBytes: z.number().nullable(),
      growthEstimated: z.boolean().describe("true until a day of size samples exists: estimated from the last 24 hours' events"),
      disk: z.object({
        source: z.enum(["budget", "filesystem", "unknown"]),
        path: z.string().nullable(),
        totalBytes: z.number().nullable(),
        freeBytes: z.number().nullable(),
        daysLeft: z.number().nullable().describe("free bytes ÷ growth per day; null when not growing or unknown"),
      }),
      jobs: z.array(
        z.object({
          name: z.string(),
          lastStartedAt: z.string(),
          lastFinishedAt: z.string().nullable(),
          lastDurationMs: z.number().nullable(),
          lastStatus: z.enum(["running", "ok", "failed"]),
          lastError: z.string().nullable(),
          lastOkAt: z.string().nullable(),
          runs: z.number().int(),
          failures: z.number().int(),
        }),
      ),
    })
    .nullable()
    .describe("the whole database (every workspace's tables), disk, growth and background jobs: the instance operator only (`User.operator`), null for anyone else"),
  /** The instance that answered: the instance operator only (null for anyone else). */
  instance: z
    .object({
      ack: IngestAckSchema.describe("when this instance answers ingest requests (INGEST_ACK): once committed, from its local log, or auto"),
      spool: z.object({
        bytes: z.number().describe("what its local spool holds not yet stored: an outage's backlog, or the log's last moments"),
        maxBytes: z.number(),
        spooling: z.boolean().describe("true while PostgreSQL is unavailable and ingest goes to the spool"),
      }),
    })
    .nullable()
    .describe("the instance that answered: the instance operator only, null for anyone else"),
});

export type IngestHealth = z.infer<typeof IngestHealthSchema>;
