import { joinForwardConfig, maskForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import type { ForwardingRule } from "@/lib/generated/prisma/client";

/** The JSON shape of a rule: its configuration with every secret masked (never the real value). */
export function toForwardingRuleDto(rule: ForwardingRule) {
  return {
    id: rule.id,
    workspaceId: rule.workspaceId,
    projectId: rule.projectId,
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    severities: rule.severities,
    categories: rule.categories,
    environments: rule.environments,
    config: maskForwardConfig(rule.kind, joinForwardConfig(rule.config, rule.secrets)),
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export type ForwardingRuleDto = ReturnType<typeof toForwardingRuleDto>;
