import type { RuleSettings } from "@/lib/alerts/rules/ruleSettings";
import type { ValidationIssue } from "@/lib/http/ApiError";

const DAY = 24 * 60 * 60;

/** Cross-field checks of a rule's settings (after defaults and merging); empty when valid. */
export function ruleProblems(rule: RuleSettings): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  switch (rule.kind) {
    case "severity_count":
      if (!Number.isInteger(rule.threshold) || rule.threshold < 1) add("threshold", "must be a whole number of events, at least 1");
      if (rule.windowSeconds > DAY) add("windowSeconds", "must be at most one day");
      break;
    case "error_rate":
      if (rule.threshold <= 0 || rule.threshold > 100) add("threshold", "must be a percentage above 0 and at most 100");
      if (rule.windowSeconds < 60 || rule.windowSeconds > DAY) add("windowSeconds", "must be between 60 seconds and one day");
      if (!rule.alertSeverity) add("alertSeverity", "is required for error-rate rules");
      break;
    case "spike":
      if (rule.threshold <= 1) add("threshold", "must be a multiple of the baseline above 1");
      if (rule.windowSeconds < 60 || rule.windowSeconds > DAY) add("windowSeconds", "must be between 60 seconds and one day");
      if (rule.baselineSeconds === null || rule.baselineSeconds < rule.windowSeconds || rule.baselineSeconds > 7 * DAY) {
        add("baselineSeconds", "must be at least the window and at most 7 days");
      }
      if (!rule.alertSeverity) add("alertSeverity", "is required for spike rules");
      break;
    case "ingest_health":
      if (!Number.isInteger(rule.threshold) || rule.threshold < 1) add("threshold", "must be a whole number of lost events, at least 1");
      if (rule.windowSeconds < 60 || rule.windowSeconds > DAY) add("windowSeconds", "must be between 60 seconds and one day");
      if (!rule.alertSeverity) add("alertSeverity", "is required for ingest-health rules");
      break;
    case "new_issue":
    case "regression":
    case "user_feedback":
      if (rule.windowSeconds !== 0) add("windowSeconds", "must be 0: this rule fires at ingest");
      break;
  }
  if (rule.kind !== "severity_count" && rule.eventSeverity !== null) add("eventSeverity", "only applies to severity-count rules");
  if (rule.kind !== "ingest_health" && rule.diskDaysLeft !== null) add("diskDaysLeft", "only applies to ingest-health rules");
  if (rule.escalateAfterSeconds !== null && rule.finalAfterSeconds !== null && rule.finalAfterSeconds <= rule.escalateAfterSeconds) {
    add("finalAfterSeconds", "must be later than escalateAfterSeconds");
  }
  return problems;
}
