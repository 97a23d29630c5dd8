import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import type { Severity } from "@/lib/generated/prisma/enums";

/** A rule's condition held for one group (an error group, a project for aggregate rules, or the disk). */
export interface Trigger {
  rule: EvaluableRule;
  workspaceId: string;
  /** Null for alerts about the whole installation (an ingest-health rule's disk forecast). */
  projectId: string | null;
  /** The group when it is neither an error group nor a project (e.g. "disk"). */
  groupKey?: string;
  errorGroupId: string | null;
  severity: Severity;
  title: string;
  /** The measured value: events, percent or multiple of the baseline. */
  value: number;
  /** Crossings to add to an already open alert (events for immediate rules). */
  increment: number;
}

/** The group a trigger is about: its error group, else its own key, else its project. */
export function groupKeyOf(t: Pick<Trigger, "errorGroupId" | "groupKey" | "projectId">): string {
  return t.errorGroupId ?? t.groupKey ?? t.projectId ?? "";
}

/** At most one open alert per rule and group: the key the database enforces uniqueness on. */
export function dedupKeyOf(ruleId: string, groupKey: string): string {
  return `${ruleId}:${groupKey}`;
}
