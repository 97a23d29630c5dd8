import type { Condition } from "@/lib/assignment/assignmentSchemas";
import { globMatches } from "@/lib/text/glob";
import type { IssueFacts } from "@/lib/assignment/issueFacts";

/** Whether one condition holds for the issue (globs over the whole value, case-insensitive). */
export function conditionMatches(condition: Condition, facts: IssueFacts): boolean {
  const { field, pattern } = condition;
  switch (field) {
    case "category":
    case "severity":
    case "type":
    case "message":
      return globMatches(pattern, facts[field]);
    case "project":
      return globMatches(pattern, facts.project.name) || globMatches(pattern, facts.project.slug);
    case "tag": {
      const eq = pattern.indexOf("=");
      const key = pattern.slice(0, eq).trim();
      // Own keys only: `constructor=*` must not reach Object.prototype's members.
      const value = Object.hasOwn(facts.tags, key) ? facts.tags[key] : undefined;
      return typeof value === "string" && globMatches(pattern.slice(eq + 1).trim(), value);
    }
    case "path":
      return facts.frames.some((f) => [f.filename, f.absPath].some((p) => p !== undefined && globMatches(pattern, p.replace(/\\/g, "/"), { path: true })));
    case "module":
      return facts.frames.some((f) => f.module !== undefined && globMatches(pattern, f.module));
  }
}

export interface MatchableRule {
  id: string;
  enabled: boolean;
  conditions: Condition[];
}

/** All conditions hold (a rule without conditions matches every issue). */
export function ruleMatches(rule: { conditions: Condition[] }, facts: IssueFacts): boolean {
  return rule.conditions.every((c) => conditionMatches(c, facts));
}

/** The first enabled rule, in order, whose conditions all hold; null when none does. */
export function firstMatchingRule<R extends MatchableRule>(rules: R[], facts: IssueFacts): R | null {
  return rules.find((rule) => rule.enabled && ruleMatches(rule, facts)) ?? null;
}
