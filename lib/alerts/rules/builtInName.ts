import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import { generatedRuleName, nameAfterUpdate, type NamedSettings } from "@/lib/alerts/rules/ruleName";

type NamedRule = NamedSettings & { name: string; defaultKey: string | null };

/** The name a built-in rule was created with (its default settings' generated name); undefined for other rules. */
export function originalName(rule: { defaultKey: string | null }): string | undefined {
  return rule.defaultKey ? DEFAULT_RULES.find((d) => d.defaultKey === rule.defaultKey)?.name : undefined;
}

/** The name an edit leaves a rule with (nameAfterUpdate, a built-in rule's original name counting as generated); undefined when it stays. */
export function ruleNameAfterUpdate(rule: NamedRule, changes: Partial<NamedSettings & { name: string }>): string | undefined {
  return nameAfterUpdate(rule, changes, originalName(rule));
}

/** Whether the rule's name is generated from its settings, so that an edit renames it (see ruleNameAfterUpdate). */
export function nameFollowsSettings(rule: NamedRule): boolean {
  return rule.name === generatedRuleName(rule) || rule.name === originalName(rule);
}

/** A built-in rule still named as created whose settings were changed since: the name of its settings now. */
export function staleBuiltInName(rule: NamedRule): string | undefined {
  const original = originalName(rule);
  if (original === undefined || rule.name !== original) return undefined;
  const current = generatedRuleName(rule);
  return current === rule.name ? undefined : current;
}
