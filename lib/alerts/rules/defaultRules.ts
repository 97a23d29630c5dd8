import { ESCALATION_POLICY } from "@/lib/alerts/escalation/escalationPolicy";
import { generatedRuleName } from "@/lib/alerts/rules/ruleName";
import type { RuleSettings } from "@/lib/alerts/rules/ruleSettings";
import type { Severity } from "@/lib/generated/prisma/enums";

export interface DefaultRule extends RuleSettings {
  defaultKey: string;
}

const severityCount = (severity: Severity, threshold: number, windowSeconds: number): DefaultRule => ({
  defaultKey: `severity-${severity}`,
  name: generatedRuleName({ kind: "severity_count", eventSeverity: severity, threshold, windowSeconds, baselineSeconds: null, diskDaysLeft: null }),
  kind: "severity_count",
  eventSeverity: severity,
  alertSeverity: severity,
  threshold,
  windowSeconds,
  baselineSeconds: null,
  minCount: 0,
  diskDaysLeft: null,
  ...ESCALATION_POLICY[severity],
  enabled: true,
});

/**
 * The rules every workspace starts with. Thresholds and windows are seed 004's ("critical: 1,
 * immediately; high: 5 in 5 min; medium: 20 in 15 min; low: 100 in 1 h"); error rate above 5 % and a
 * spike above 3× the trailing baseline are seed 002's `_check_error_alerts`. They can be edited or
 * disabled, not deleted. Their names are generated from their settings (lib/alerts/rules/ruleName.ts),
 * and follow an edit of them until someone names the rule.
 */
export const DEFAULT_RULES: DefaultRule[] = [
  severityCount("critical", 1, 0),
  severityCount("high", 5, 5 * 60),
  severityCount("medium", 20, 15 * 60),
  severityCount("low", 100, 60 * 60),
  {
    defaultKey: "error-rate",
    name: "Error rate above 5 %",
    kind: "error_rate",
    eventSeverity: null,
    alertSeverity: "high",
    threshold: 5,
    windowSeconds: 5 * 60,
    baselineSeconds: null,
    // Below 20 executions in the window a rate is noise (1 error in 3 runs is not an incident).
    minCount: 20,
    diskDaysLeft: null,
    ...ESCALATION_POLICY.high,
    enabled: true,
  },
  {
    defaultKey: "spike",
    name: "Error spike: 3× the last hour",
    kind: "spike",
    eventSeverity: null,
    alertSeverity: "high",
    threshold: 3,
    windowSeconds: 5 * 60,
    baselineSeconds: 60 * 60,
    // A jump from 1 to 4 errors is not a spike.
    minCount: 10,
    diskDaysLeft: null,
    ...ESCALATION_POLICY.high,
    enabled: true,
  },
  {
    defaultKey: "new-issue",
    name: "New issue",
    kind: "new_issue",
    eventSeverity: null,
    alertSeverity: null,
    threshold: 1,
    windowSeconds: 0,
    baselineSeconds: null,
    minCount: 0,
    diskDaysLeft: null,
    escalateAfterSeconds: null,
    finalAfterSeconds: null,
    enabled: true,
  },
  {
    defaultKey: "regression",
    name: "Regression: a resolved issue came back",
    kind: "regression",
    eventSeverity: null,
    alertSeverity: null,
    threshold: 1,
    windowSeconds: 0,
    baselineSeconds: null,
    minCount: 0,
    diskDaysLeft: null,
    escalateAfterSeconds: null,
    finalAfterSeconds: null,
    enabled: true,
  },
];
