import type { Condition } from "@/lib/alerts/evaluate/aggregateConditions";
import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";

/**
 * Ingest health, per project: events lost in the window — refused as invalid or lost to a server
 * error (dropped) and refused by a rate limit or quota (rate-limited). Fires at `threshold` lost events
 * or more; the value is the number lost.
 */
export function lostEventsCondition(rule: Pick<EvaluableRule, "threshold">, lost: { dropped: number; rateLimited: number }): Condition {
  const value = lost.dropped + lost.rateLimited;
  return { firing: value >= rule.threshold, value };
}

/**
 * Ingest health, for the database: the storage forecast's days of disk left (null when it cannot
 * tell: no growth yet, or no disk size known). Fires below the rule's `diskDaysLeft`; a rule without
 * it does not check the disk. The value is the days left, rounded down to a tenth.
 */
export function diskCondition(rule: Pick<EvaluableRule, "diskDaysLeft">, daysLeft: number | null): Condition {
  if (rule.diskDaysLeft === null || daysLeft === null || !Number.isFinite(daysLeft)) return { firing: false, value: daysLeft ?? 0 };
  return { firing: daysLeft < rule.diskDaysLeft, value: Math.floor(daysLeft * 10) / 10 };
}
