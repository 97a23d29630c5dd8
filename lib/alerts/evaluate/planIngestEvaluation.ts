import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import type { Severity } from "@/lib/generated/prisma/enums";

/** One error group that received events in an ingest batch. */
export interface TouchedGroup {
  groupId: string;
  projectId: string;
  groupSeverity: Severity;
  type: string;
  message: string;
  /** Newly stored (non-duplicate) events of this batch, per event severity. */
  counts: Partial<Record<Severity, number>>;
}

export interface IngestBatch {
  workspaceId: string;
  groups: TouchedGroup[];
  newGroupIds: string[];
  regressedGroupIds: string[];
  /** AlertOutbox rows this batch came from: deleted once it has been evaluated. */
  outboxIds?: string[];
}

export interface WindowCheck {
  rule: EvaluableRule;
  group: TouchedGroup;
}

export interface IngestPlan {
  /** Immediate rules whose condition this batch met: fire (or add to the open alert) now. */
  triggers: Trigger[];
  /** Windowed count rules this batch may have pushed over the threshold: count in the database. */
  windowChecks: WindowCheck[];
}

/**
 * Decides, without the database, what an ingest batch means for the workspace's rules. Immediate
 * rules (window 0, new issue, regression) become triggers; windowed severity counts become checks
 * only for groups that just received events of the counted severity.
 */
export function planIngestEvaluation(rules: EvaluableRule[], batch: IngestBatch): IngestPlan {
  const triggers: Trigger[] = [];
  const windowChecks: WindowCheck[] = [];
  const isNew = new Set(batch.newGroupIds);
  const regressed = new Set(batch.regressedGroupIds);

  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const group of batch.groups) {
      const fire = (value: number, increment: number) =>
        triggers.push({
          rule,
          workspaceId: batch.workspaceId,
          projectId: group.projectId,
          errorGroupId: group.groupId,
          severity: rule.alertSeverity ?? group.groupSeverity,
          title: alertTitle({ ...rule, value, error: group }),
          value,
          increment,
        });

      switch (rule.kind) {
        case "severity_count": {
          const matching = countMatching(group.counts, rule.eventSeverity);
          if (matching === 0) break;
          if (rule.windowSeconds > 0) windowChecks.push({ rule, group });
          else if (matching >= rule.threshold) fire(matching, Math.floor(matching / rule.threshold));
          break;
        }
        case "new_issue":
          if (isNew.has(group.groupId)) fire(1, 1);
          break;
        case "regression":
          if (regressed.has(group.groupId)) fire(1, 1);
          break;
        default:
          // error_rate and spike are aggregates over a project: the background evaluator's job.
          break;
      }
    }
  }
  return { triggers, windowChecks };
}

function countMatching(counts: Partial<Record<Severity, number>>, severity: Severity | null): number {
  if (severity) return counts[severity] ?? 0;
  return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
}
