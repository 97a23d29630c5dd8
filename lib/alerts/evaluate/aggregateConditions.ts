import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";

export interface Condition {
  firing: boolean;
  value: number;
}

/**
 * Error rate of a project over the window, in percent: failed (and crashed) executions per
 * execution, as the overview's errorRate. Needs at least `minCount` executions; below that there is
 * no meaningful rate.
 */
export function errorRateCondition(rule: Pick<EvaluableRule, "threshold" | "minCount">, failed: number, executions: number): Condition {
  if (executions <= 0 || executions < rule.minCount) return { firing: false, value: 0 };
  const percent = (failed / executions) * 100;
  return { firing: percent > rule.threshold, value: Math.round(percent * 100) / 100 };
}

/**
 * Spike: events in the last window compared with the average per window over the trailing baseline
 * before it. Fires above `threshold` × that average, and only with at least `minCount` events (a
 * quiet project going from 0 to 2 errors is not a spike). Value is the multiple (Infinity from zero).
 */
export function spikeCondition(
  rule: Pick<EvaluableRule, "threshold" | "minCount" | "windowSeconds" | "baselineSeconds">,
  current: number,
  baselineTotal: number,
): Condition {
  const baselineSeconds = rule.baselineSeconds ?? rule.windowSeconds;
  const perWindow = baselineTotal / (baselineSeconds / rule.windowSeconds);
  const multiple = perWindow > 0 ? current / perWindow : current > 0 ? Infinity : 0;
  const value = Number.isFinite(multiple) ? Math.round(multiple * 100) / 100 : multiple;
  return { firing: current >= Math.max(1, rule.minCount) && multiple > rule.threshold, value };
}
