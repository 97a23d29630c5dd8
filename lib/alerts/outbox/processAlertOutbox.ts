import { claimExpiredOutboxRows, deleteOutboxRows } from "@/lib/alerts/outbox/alertOutboxRows";
import { evaluateIngestBatch } from "@/lib/alerts/evaluate/evaluateIngestBatch";
import { evaluateFeedbackBatch } from "@/lib/alerts/onFeedbackStored";
import { logger } from "@/lib/logger";

/** A row this old that still fails is dropped (logged): its moment has passed. */
const GIVE_UP_MS = 24 * 3600_000;

/**
 * The alert-outbox job: evaluates immediate-alert batches whose writer did not (it crashed between
 * the ingest commit and the evaluation, or is stuck past its lease), then deletes them. Evaluation
 * is the same as on the ingest path, so a critical error, a new issue, a regression or new user
 * feedback still alerts after a crash; a batch evaluated twice (lease expired mid-evaluation) adds
 * to the same open alert.
 */
export async function processAlertOutbox(now: Date, limit = 100): Promise<{ evaluated: number; failed: number }> {
  const rows = await claimExpiredOutboxRows(limit, 60_000);
  let evaluated = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      if (row.batch.feedback) await evaluateFeedbackBatch(row.batch.workspaceId, row.batch.feedback, now);
      else await evaluateIngestBatch(row.batch, now);
      await deleteOutboxRows([row.id]);
      evaluated++;
    } catch (error) {
      failed++;
      const tooOld = now.getTime() - new Date(row.createdAt).getTime() > GIVE_UP_MS;
      logger.error("alert outbox batch failed", { outboxId: row.id, workspaceId: row.batch.workspaceId, dropped: tooOld, error });
      if (tooOld) await deleteOutboxRows([row.id]).catch(() => undefined);
    }
  }
  if (evaluated > 0) logger.info("alert outbox: evaluated batches left by another instance", { evaluated });
  return { evaluated, failed };
}
