import { onFeedbackStored } from "@/lib/alerts/onFeedbackStored";
import { storeAttachments } from "@/lib/attachments/storeAttachments";
import { recordCheckIns } from "@/lib/crons/recordCheckIns";
import { storeUserFeedback } from "@/lib/feedback/storeUserFeedback";
import { storeItemsDurably } from "@/lib/intake/durableStore";
import type { StoreTarget } from "@/lib/ingest/storeEvents";
import type { SpooledItems } from "@/lib/spool/spoolEntry";

/**
 * Stores what a request carries besides events — user feedback, attachments, cron check-ins —
 * committed before the answer, or, while PostgreSQL is unavailable, durably in the local spool
 * (`spooled`: stored on replay as of their receive time). `checkInIds` are the runs' ids (for a
 * spooled `latest` check-in, the id it was given).
 */
export async function storeNonEventItems(target: StoreTarget, items: SpooledItems): Promise<{ spooled: boolean; checkInIds: string[] }> {
  let checkInIds: string[] = [];
  const spooled = await storeItemsDurably(target, items, async () => {
    checkInIds = await storeNonEventItemsDirect(target, items);
  });
  return { spooled, checkInIds: spooled ? (items.checkIns ?? []).map((c) => c.checkInId) : checkInIds };
}

/**
 * Feedback (then its alerts, for what was new), attachments, then check-ins, straight to PostgreSQL
 * (each idempotent): what the spool replayer uses too.
 */
export async function storeNonEventItemsDirect(target: StoreTarget, items: SpooledItems, receivedAt = new Date()): Promise<string[]> {
  // Alerts on new feedback run after the commit without holding the answer (they log their own failures).
  void onFeedbackStored(target, await storeUserFeedback(target, items.feedback ?? []));
  await storeAttachments(target, items.attachments ?? []);
  return recordCheckIns(target, items.checkIns ?? [], receivedAt);
}
