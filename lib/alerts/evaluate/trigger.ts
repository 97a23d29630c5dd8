import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import type { Severity } from "@/lib/generated/prisma/enums";

/** A rule's condition held for one group (an error group, or a project for aggregate rules). */
export interface Trigger {
  rule: EvaluableRule;
  workspaceId: string;
  projectId: string;
  errorGroupId: string | null;
  severity: Severity;
  title: string;
  /** The measured value: events, percent or multiple of the baseline. */
  value: number;
  /** Crossings to add to an already open alert (events for immediate rules). */
  increment: number;
}

/** At most one open alert per rule and group: the key the database enforces uniqueness on. */
export function dedupKeyOf(ruleId: string, groupKey: string): string {
  return `${ruleId}:${groupKey}`;
}
