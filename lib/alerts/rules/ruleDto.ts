import { nameFollowsSettings } from "@/lib/alerts/rules/builtInName";
import type { AlertRule } from "@/lib/generated/prisma/client";

/** The JSON shape of an alert rule. */
export function toRuleDto(rule: AlertRule) {
  return {
    id: rule.id,
    workspaceId: rule.workspaceId,
    name: rule.name,
    /** The name is the one generated from the settings (the built-in rules' until someone names them): an edit renames it after the new settings. */
    nameFollowsSettings: nameFollowsSettings(rule),
    kind: rule.kind,
    eventSeverity: rule.eventSeverity,
    alertSeverity: rule.alertSeverity,
    threshold: rule.threshold,
    windowSeconds: rule.windowSeconds,
    baselineSeconds: rule.baselineSeconds,
    minCount: rule.minCount,
    diskDaysLeft: rule.diskDaysLeft,
    escalateAfterSeconds: rule.escalateAfterSeconds,
    finalAfterSeconds: rule.finalAfterSeconds,
    enabled: rule.enabled,
    /** Only these projects' issues and events; [] every project. */
    projectIds: rule.projectIds ?? [],
    builtIn: rule.defaultKey !== null,
    defaultKey: rule.defaultKey,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export type RuleDto = ReturnType<typeof toRuleDto>;
