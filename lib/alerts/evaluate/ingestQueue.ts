import { evaluateIngestBatch } from "@/lib/alerts/evaluate/evaluateIngestBatch";
import type { IngestBatch } from "@/lib/alerts/evaluate/planIngestEvaluation";
import { deleteOutboxRows } from "@/lib/alerts/outbox/alertOutboxRows";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * Hand-off from the ingest path to alert evaluation. Enqueueing is synchronous and cheap; batches
 * are merged per workspace while an evaluation runs, so a burst of requests costs a few queries, not
 * a few per request, and ingest latency does not depend on alerting at all.
 */
const CONCURRENCY = 4;

interface QueueState {
  pending: Map<string, IngestBatch>;
  draining: Promise<void> | null;
}

const globalForQueue = globalThis as unknown as { faultlineAlertQueue?: QueueState };

function state(): QueueState {
  globalForQueue.faultlineAlertQueue ??= { pending: new Map(), draining: null };
  return globalForQueue.faultlineAlertQueue;
}

export function enqueueIngestBatch(batch: IngestBatch): void {
  const s = state();
  const queued = s.pending.get(batch.workspaceId);
  s.pending.set(batch.workspaceId, queued ? mergeBatches(queued, batch) : batch);
  s.draining ??= drain(s);
}

/** Resolves when everything enqueued so far has been evaluated (tests, benchmarks, shutdown). */
export async function whenIngestQueueIdle(): Promise<void> {
  const s = state();
  while (s.draining) await s.draining;
}

async function drain(s: QueueState): Promise<void> {
  try {
    // Let the current tick's other requests enqueue first, so they share one evaluation.
    await new Promise((resolve) => setImmediate(resolve));
    while (s.pending.size > 0) {
      const batches = [...s.pending.values()];
      s.pending.clear();
      for (let i = 0; i < batches.length; i += CONCURRENCY) {
        await Promise.all(
          batches.slice(i, i + CONCURRENCY).map((batch) =>
            evaluateIngestBatch(batch, new Date())
              // Evaluated: its outbox rows are done. On failure they stay for the alert-outbox job.
              .then(() => deleteOutboxRows(batch.outboxIds ?? []))
              .catch((error) =>
                logger.error("alert evaluation at ingest failed", { workspaceId: batch.workspaceId, error: errorMessage(error) }),
              ),
          ),
        );
      }
    }
  } finally {
    s.draining = null;
  }
}

export function mergeBatches(a: IngestBatch, b: IngestBatch): IngestBatch {
  const groups = new Map(a.groups.map((g) => [g.groupId, { ...g, counts: { ...g.counts } }]));
  for (const g of b.groups) {
    const seen = groups.get(g.groupId);
    if (!seen) {
      groups.set(g.groupId, { ...g, counts: { ...g.counts } });
      continue;
    }
    for (const [severity, n] of Object.entries(g.counts) as [keyof typeof g.counts, number][]) {
      seen.counts[severity] = (seen.counts[severity] ?? 0) + n;
    }
  }
  return {
    workspaceId: a.workspaceId,
    groups: [...groups.values()],
    newGroupIds: [...new Set([...a.newGroupIds, ...b.newGroupIds])],
    regressedGroupIds: [...new Set([...a.regressedGroupIds, ...b.regressedGroupIds])],
    outboxIds: [...(a.outboxIds ?? []), ...(b.outboxIds ?? [])],
  };
}
