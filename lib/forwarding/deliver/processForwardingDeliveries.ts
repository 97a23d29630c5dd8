import { retryDelayMs } from "@/lib/alerts/notify/backoff";
import { RECORD_BEFORE_LEASE_ENDS_MS } from "@/lib/db/leaseDueRows";
import { db } from "@/lib/db/prisma";
import { retryWhileUnavailable } from "@/lib/db/retryWhileUnavailable";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { claimForwardingDeliveries } from "@/lib/forwarding/deliver/claimForwardingDeliveries";
import type { PostOutcome } from "@/lib/alerts/notify/postBody";
import { sendForward } from "@/lib/forwarding/deliver/sendForward";
import { joinForwardConfig, parseForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import { openForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

export interface ForwardingRun {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Longest a retry may wait, even when the target asks for more with Retry-After. */
const MAX_WAIT_MS = 60 * 60_000;

/**
 * Sends due forwarding deliveries (or the given ones) once each: claim, send all concurrently (each
 * with its own timeout: a dead target delays nobody else), record the outcome, then retry later with
 * backoff (2 s, 10 s, 1 min, 5 min, 30 min…, or the target's Retry-After when longer) or give up
 * after FORWARDING_MAX_ATTEMPTS or on a permanent 4xx. `now` decides what is due, so tests drive retries.
 * At least once, as alert deliveries are (lib/alerts/notify/processDeliveries.ts): the outcome's
 * write is retried while PostgreSQL is unavailable, until shortly before the lease runs out.
 */
export async function processForwardingDeliveries(input: { now?: Date; ids?: string[]; projectIds?: string[]; limit?: number } = {}): Promise<ForwardingRun> {
  const now = input.now ?? new Date();
  const { FORWARDING_TIMEOUT_MS, FORWARDING_MAX_ATTEMPTS } = env();
  const leaseSeconds = Math.ceil(FORWARDING_TIMEOUT_MS / 1000) + 30;
  const recordBy = Date.now() + leaseSeconds * 1000 - RECORD_BEFORE_LEASE_ENDS_MS;
  const ids = await claimForwardingDeliveries({ now, ids: input.ids, projectIds: input.projectIds, limit: input.limit ?? 100, leaseSeconds });
  const run: ForwardingRun = { attempted: ids.length, delivered: 0, retrying: 0, failed: 0 };
  if (ids.length === 0) return run;
  const deliveries = await db().forwardingDelivery.findMany({ where: { id: { in: ids } }, include: { rule: true } });
  await Promise.all(
    deliveries.map(async (delivery) => {
      const { rule } = delivery;
      let outcome: PostOutcome;
      try {
        outcome = rule.enabled
          ? await sendForward(parseForwardConfig(rule.kind, joinForwardConfig(rule.config, openForwardingSecrets(rule.id, rule.secrets))), {
              deliveryId: delivery.id,
              rule: { id: rule.id, name: rule.name },
              event: delivery.payload as unknown as ForwardedEvent,
              now,
              timeoutMs: FORWARDING_TIMEOUT_MS,
            })
          : { ok: false, error: "rule disabled", retryable: false, durationMs: 0 };
      } catch (error) {
        // A configuration that no longer validates, or secrets no configured key opens (SecretKeyError):
        // trying again cannot help.
        outcome = { ok: false, error: error instanceof Error ? error.message.slice(0, 200) : "send failed", retryable: false, durationMs: 0 };
      }
      const status = outcome.ok ? "delivered" : !outcome.retryable || delivery.attempts >= FORWARDING_MAX_ATTEMPTS ? "failed" : "pending";
      const wait = Math.min(MAX_WAIT_MS, Math.max(retryDelayMs(delivery.attempts), outcome.retryAfterMs ?? 0));
      const record = () =>
        db().forwardingDelivery.update({
          where: { id: delivery.id },
          data: {
            status,
            lockedUntil: null,
            lastError: outcome.ok ? null : (outcome.error ?? "send failed").slice(0, 300),
            responseStatus: outcome.status ?? null,
            durationMs: outcome.durationMs,
            ...(status === "delivered" && { deliveredAt: now }),
            ...(status === "pending" && { nextAttemptAt: new Date(now.getTime() + wait) }),
          },
        });
      await retryWhileUnavailable(record, { deadlineMs: recordBy, isUnavailable: isDatabaseUnavailable });
      run[status === "pending" ? "retrying" : status]++;
      (outcome.ok ? logger.debug : logger.warn)("event forwarded", {
        deliveryId: delivery.id,
        ruleId: rule.id,
        kind: rule.kind,
        attempt: delivery.attempts,
        outcome: status === "pending" ? "retry" : status,
        status: outcome.status,
        error: outcome.error,
        ms: outcome.durationMs,
      });
    }),
  );
  return run;
}

const globalForDispatch = globalThis as unknown as { faultlineForwardDispatches?: Set<Promise<unknown>> };

/** Sends freshly created deliveries in the background; failures are left to the delivery job. */
export function dispatchForwarding(ids: string[]): void {
  if (ids.length === 0) return;
  const inflight = (globalForDispatch.faultlineForwardDispatches ??= new Set());
  const task = processForwardingDeliveries({ ids })
    .catch((error) => logger.error("forwarding dispatch failed", { error: errorMessage(error) }))
    .finally(() => inflight.delete(task));
  inflight.add(task);
}

/** Resolves once every background dispatch started so far has finished (tests, shutdown). */
export async function settleForwarding(): Promise<void> {
  const inflight = globalForDispatch.faultlineForwardDispatches;
  while (inflight && inflight.size) await Promise.allSettled([...inflight]);
}
