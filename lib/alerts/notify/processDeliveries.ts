import { decideAfterAttempt, type SendOutcome } from "@/lib/alerts/notify/backoff";
import { claimDeliveries } from "@/lib/alerts/notify/claimDeliveries";
import { loadDeliveries, type LoadedDelivery } from "@/lib/alerts/notify/loadDeliveries";
import { alertUrl, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import { recordAttempt } from "@/lib/alerts/notify/recordAttempt";
import { sendNotification } from "@/lib/alerts/notify/sendNotification";
import { RECORD_BEFORE_LEASE_ENDS_MS } from "@/lib/db/leaseDueRows";
import { retryWhileUnavailable } from "@/lib/db/retryWhileUnavailable";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { errorMessage } from "@/lib/text/errorMessage";

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends due deliveries (or the given ones) once each: claim, send all concurrently (each with its
 * own timeout, so a dead channel delays nobody else), record the outcome and schedule a retry with
 * backoff or give up. `now` decides what is due and when retries fall, so tests drive retries.
 * Delivery is at least once: a sender that dies, or cannot record the outcome before its lease runs
 * out, leaves the delivery to be sent again (the same `x-faultline-delivery` id). Recording is
 * retried while PostgreSQL is unavailable (a restart just as the receiver answered) until shortly
 * before the lease ends, so such a restart does not send it twice.
 */
export async function processDeliveries(input: { now?: Date; ids?: string[]; workspaceIds?: string[]; limit?: number } = {}): Promise<DeliveryRun> {
  const now = input.now ?? new Date();
  const { ALERT_DELIVERY_TIMEOUT_MS, ALERT_DELIVERY_MAX_ATTEMPTS } = env();
  const leaseSeconds = Math.ceil(ALERT_DELIVERY_TIMEOUT_MS / 1000) + 30;
  const recordBy = Date.now() + leaseSeconds * 1000 - RECORD_BEFORE_LEASE_ENDS_MS;
  const ids = await claimDeliveries({ now, ids: input.ids, workspaceIds: input.workspaceIds, limit: input.limit ?? 100, leaseSeconds });
  const run: DeliveryRun = { attempted: ids.length, delivered: 0, retrying: 0, failed: 0 };
  const deliveries = await loadDeliveries(ids);
  await Promise.all(
    deliveries.map(async (delivery) => {
      const outcome: SendOutcome = delivery.channel.enabled
        ? await sendNotification(delivery.channel, contextOf(delivery, now), delivery.id)
        : { ok: false, error: "channel disabled", retryable: false, durationMs: 0 };
      const decision = decideAfterAttempt(outcome, delivery.attempts, ALERT_DELIVERY_MAX_ATTEMPTS, now);
      await retryWhileUnavailable(() => recordAttempt({ deliveryId: delivery.id, attempt: delivery.attempts, at: now, outcome, decision }), {
        deadlineMs: recordBy,
        isUnavailable: isDatabaseUnavailable,
      });
      const result = decision.status === "pending" ? "retry" : decision.status;
      run[decision.status === "pending" ? "retrying" : decision.status]++;
      metrics().deliveries.inc({ channel: delivery.channel.id, kind: delivery.channel.kind, outcome: result });
      (outcome.ok ? logger.debug : logger.warn)("alert notification", {
        deliveryId: delivery.id,
        alertId: delivery.alert.id,
        channelId: delivery.channel.id,
        kind: delivery.channel.kind,
        stage: delivery.stage,
        attempt: delivery.attempts,
        outcome: result,
        status: outcome.status,
        error: outcome.error,
        ms: outcome.durationMs,
      });
    }),
  );
  return run;
}

function contextOf(delivery: LoadedDelivery, now: Date): NotificationContext {
  const { alert } = delivery;
  const group = alert.errorGroup;
  return {
    stage: delivery.stage,
    alert: {
      id: alert.id,
      title: alert.title,
      severity: alert.severity,
      status: alert.status,
      ruleName: alert.ruleName,
      ruleKind: alert.ruleKind,
      value: alert.value,
      threshold: alert.threshold,
      count: alert.count,
      firedAt: alert.firedAt,
      acknowledgedAt: alert.acknowledgedAt,
      resolvedAt: alert.resolvedAt,
      resolution: alert.resolution,
    },
    error: group && {
      id: group.id,
      type: group.type,
      message: group.message,
      category: group.category,
      status: group.status,
      occurrences: group.occurrenceCount,
      firstSeen: group.firstSeen,
      lastSeen: group.lastSeen,
    },
    project: alert.project,
    workspace: alert.workspace,
    url: alertUrl(env().PUBLIC_URL, { workspaceId: alert.workspace.id, alertId: alert.id, errorId: group?.id ?? null }),
    sentAt: now,
  };
}

const globalForDispatch = globalThis as unknown as { faultlineDispatches?: Set<Promise<unknown>> };

/**
 * Sends freshly created deliveries in the background: the caller (ingest, a user action) never
 * waits for network I/O. Failures are left to the retry worker.
 */
export function dispatchDeliveries(ids: string[]): void {
  if (ids.length === 0) return;
  const inflight = (globalForDispatch.faultlineDispatches ??= new Set());
  const task = processDeliveries({ ids })
    .catch((error) => logger.error("alert dispatch failed", { error: errorMessage(error) }))
    .finally(() => inflight.delete(task));
  inflight.add(task);
}

/** Resolves once every background dispatch started so far has finished (tests, shutdown). */
export async function settleDispatches(): Promise<void> {
  const inflight = globalForDispatch.faultlineDispatches;
  while (inflight && inflight.size) await Promise.allSettled([...inflight]);
}
