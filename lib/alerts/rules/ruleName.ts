import { formatDuration } from "@/lib/alerts/evaluate/formatDuration";
import type { RuleSettings } from "@/lib/alerts/rules/ruleSettings";

/** What a rule's generated name is made of. */
export type NamedSettings = Pick<RuleSettings, "kind" | "eventSeverity" | "threshold" | "windowSeconds" | "baselineSeconds" | "diskDaysLeft">;

/**
 * The name a rule gets from its settings ("High errors: 5 in 5 min", "Error rate above 5 %"): the
 * built-in rules' names, and a rule's name again after an edit while it is still the generated one
 * (see nameAfterUpdate), so a name never states numbers the rule no longer has.
 */
export function generatedRuleName(rule: NamedSettings): string {
  switch (rule.kind) {
    case "severity_count": {
      const level = rule.eventSeverity ? capitalise(rule.eventSeverity) : "Any";
      if (rule.windowSeconds === 0 && rule.threshold === 1) return `${level} error`;
      const errors = rule.eventSeverity ? `${level} errors` : "Errors";
      return rule.windowSeconds === 0 ? `${errors}: ${rule.threshold} at once` : `${errors}: ${rule.threshold} in ${formatDuration(rule.windowSeconds)}`;
    }
    case "error_rate":
      return `Error rate above ${rule.threshold} %`;
    case "spike":
      return `Error spike: ${rule.threshold}× the last ${baselineText(rule.baselineSeconds)}`;
    case "new_issue":
      return "New issue";
    case "regression":
      return "Regression: a resolved issue came back";
    case "ingest_health":
      return rule.diskDaysLeft === null ? "Ingest health: events lost" : "Ingest health: events lost or disk filling";
    case "user_feedback":
      return "User feedback";
  }
}

/**
 * The name an edit leaves a rule with: the one given; else, when the rule's name is still generated
 * (from its settings, or the built-in rule's original name — `originalName`), the one generated from
 * its new settings; else its own. Undefined when the name does not change.
 */
export function nameAfterUpdate(rule: NamedSettings & { name: string }, changes: Partial<NamedSettings & { name: string }>, originalName?: string): string | undefined {
  if (changes.name !== undefined) return changes.name === rule.name ? undefined : changes.name;
  const isGenerated = rule.name === generatedRuleName(rule) || (originalName !== undefined && rule.name === originalName);
  if (!isGenerated) return undefined;
  const next = generatedRuleName({ ...rule, ...changes });
  return next === rule.name ? undefined : next;
}

/** "hour", "day", "2 h", "30 min": the trailing period a spike is compared with. */
function baselineText(seconds: number | null): string {
  if (seconds === 3600) return "hour";
  if (seconds === 86_400) return "day";
  return seconds === null ? "period" : formatDuration(seconds);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
