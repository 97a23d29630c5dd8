import { joinForwardConfig, maskForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import { openForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import type { ForwardingRule } from "@/lib/generated/prisma/client";

/**
 * The JSON shape of a rule: its configuration with every secret masked (never the real value).
 * `secretsUnreadable` is true when the stored secrets do not open with the configured keys (a lost
 * or wrong FAULTLINE_SECRET_KEY): the rule cannot forward until its secrets are entered again.
 */
export function toForwardingRuleDto(rule: ForwardingRule) {
  let secrets: Record<string, unknown> = {};
  let secretsUnreadable = false;
  try {
    secrets = openForwardingSecrets(rule.id, rule.secrets);
  } catch {
    secretsUnreadable = true;
  }
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
    config: maskForwardConfig(rule.kind, joinForwardConfig(rule.config, secrets)),
    secretsUnreadable,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export type ForwardingRuleDto = ReturnType<typeof toForwardingRuleDto>;
