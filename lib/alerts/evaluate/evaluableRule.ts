import type { AlertRule } from "@/lib/generated/prisma/client";

/** What evaluation needs of a rule. */
export type EvaluableRule = Pick<
  AlertRule,
  | "id"
  | "workspaceId"
  | "name"
  | "kind"
  | "eventSeverity"
  | "alertSeverity"
  | "threshold"
  | "windowSeconds"
  | "baselineSeconds"
  | "minCount"
  | "escalateAfterSeconds"
  | "finalAfterSeconds"
  | "enabled"
>;
