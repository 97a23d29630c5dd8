export interface OpenAlertState {
  id: string;
  conditionActive: boolean;
  value: number;
}

export type LevelChange =
  | { kind: "none" }
  | { kind: "fire" }
  /** The condition cleared and held again: one more crossing on the open alert. */
  | { kind: "recross"; alertId: string }
  | { kind: "update"; alertId: string; conditionActive: boolean }
  /** Aggregate alerts (error rate, spike) resolve themselves once their condition clears. */
  | { kind: "resolve"; alertId: string };

/**
 * What a background evaluation means for one rule and group: fire a new alert, count a new crossing
 * on the open one, record that the condition cleared, or resolve it (aggregates only). Repeated
 * evaluations of an unchanged condition change nothing, so an alert fires exactly once.
 */
export function planLevelChange(input: { firing: boolean; value: number; open: OpenAlertState | null; resolvesWhenClear: boolean }): LevelChange {
  const { firing, value, open } = input;
  if (!open) return firing ? { kind: "fire" } : { kind: "none" };
  if (firing) {
    if (!open.conditionActive) return { kind: "recross", alertId: open.id };
    return open.value === value ? { kind: "none" } : { kind: "update", alertId: open.id, conditionActive: true };
  }
  if (input.resolvesWhenClear) return { kind: "resolve", alertId: open.id };
  if (open.conditionActive || open.value !== value) return { kind: "update", alertId: open.id, conditionActive: false };
  return { kind: "none" };
}
