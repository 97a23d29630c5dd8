import { z } from "zod";

/**
 * What happened to an event a project sent. accepted: stored; duplicate: its event id was already
 * stored (not counted again); rateLimited: refused by a rate limit or quota (429); sampled: counted
 * in every total but its occurrence not kept (spike protection, per-issue cap); dropped: refused as
 * invalid or lost to a server error; filtered: dropped by the project's inbound filters (answered
 * as received, counted nowhere else).
 */
export const INGEST_OUTCOMES = ["accepted", "duplicate", "rateLimited", "sampled", "dropped", "filtered"] as const;
export const IngestOutcomeSchema = z.enum(INGEST_OUTCOMES);
export type IngestOutcome = z.infer<typeof IngestOutcomeSchema>;
export type OutcomeCounts = Record<IngestOutcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return { accepted: 0, duplicate: 0, rateLimited: 0, sampled: 0, dropped: 0, filtered: 0 };
}

/** Outcomes plus what SDKs report they discarded themselves (Sentry client reports). */
export type CountedKind = IngestOutcome | "clientDiscarded";
export type IngestCounts = Record<CountedKind, number>;

export function emptyIngestCounts(): IngestCounts {
  return { ...emptyOutcomeCounts(), clientDiscarded: 0 };
}
