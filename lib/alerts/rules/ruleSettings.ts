import type { AlertRule } from "@/lib/generated/prisma/client";

/** The editable settings of a rule (everything but identity, ownership and timestamps). */
export type RuleSettings = Pick<
  AlertRule,
  | "name"
  | "kind"
  | "eventSeverity"
  | "alertSeverity"
  | "threshold"
  | "windowSeconds"
  | "baselineSeconds"
  | "minCount"
  | "diskDaysLeft"
  | "escalateAfterSeconds"
  | "finalAfterSeconds"
  | "enabled"
>;
