import type { AlertAction, AlertStatus } from "@/lib/domain/alertStatus";

export type TransitionPlan = { kind: "change"; from: AlertStatus[] } | { kind: "unchanged" } | { kind: "invalid"; message: string };

/** Allowed lifecycle moves: active → acknowledged → resolved, or active → resolved. Resolved is final. */
const FROM: Record<AlertAction, AlertStatus[]> = {
  acknowledged: ["active"],
  resolved: ["active", "acknowledged"],
};

export function planTransition(current: AlertStatus, target: AlertAction): TransitionPlan {
  if (current === target) return { kind: "unchanged" };
  if (FROM[target].includes(current)) return { kind: "change", from: FROM[target] };
  return { kind: "invalid", message: `a ${current} alert cannot be ${target}` };
}

/** Statuses an alert may be in for a move to `target` (used as a compare-and-set in SQL). */
export function statusesBefore(target: AlertAction): AlertStatus[] {
  return FROM[target];
}
