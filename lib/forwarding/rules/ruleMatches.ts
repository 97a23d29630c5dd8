/** The filters of a rule: each empty list matches everything. */
export interface RuleFilters {
  enabled: boolean;
  severities: string[];
  categories: string[];
  environments: string[];
}

export interface MatchableEvent {
  severity: string;
  category: string;
  environment: string | null;
}

/**
 * Whether a rule forwards an event: enabled, and the event's severity, category and environment
 * each in the rule's list when the list is not empty. Categories and environments compare without
 * case; an event without environment only matches rules that name none.
 */
export function ruleMatches(rule: RuleFilters, event: MatchableEvent): boolean {
  if (!rule.enabled) return false;
  if (rule.severities.length > 0 && !rule.severities.includes(event.severity)) return false;
  if (rule.categories.length > 0 && !includesIgnoringCase(rule.categories, event.category)) return false;
  if (rule.environments.length > 0 && (event.environment === null || !includesIgnoringCase(rule.environments, event.environment))) return false;
  return true;
}

function includesIgnoringCase(list: string[], value: string): boolean {
  const v = value.toLowerCase();
  return list.some((item) => item.toLowerCase() === v);
}
