import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { changedFields } from "@/lib/alerts/auditData";
import { db } from "@/lib/db/prisma";
import { auditForwardingRule } from "@/lib/forwarding/rules/forwardingAudit";
import { FORWARD_SECRET_FIELDS } from "@/lib/forwarding/rules/forwardingConfigSchemas";
import { assertSecretsStayWithDestination } from "@/lib/alerts/channels/secretsStayWithDestination";
import { joinForwardConfig, mergeForwardConfigPatch, parseForwardConfig, splitForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import { toForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import { openForwardingSecrets, sealForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import type { UpdateForwardingRuleInput } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { findVisibleForwardingRule } from "@/lib/forwarding/rules/findVisibleForwardingRule";
import { forgetRules } from "@/lib/forwarding/rules/ruleCache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertConfigUrls } from "@/lib/outbound/assertOutboundUrls";

/** Edits a rule (admins). The merged configuration is validated as a whole. */
export async function updateForwardingRule(auth: AuthContext, ruleId: string, input: UpdateForwardingRuleInput) {
  const rule = await findVisibleForwardingRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  const data: Prisma.ForwardingRuleUpdateInput = {
    name: input.name,
    enabled: input.enabled,
    severities: input.severities,
    categories: input.categories,
    environments: input.environments,
  };
  if (input.config) {
    // Secrets that no longer open (lost key) count as absent: the admin enters them again.
    let secrets: Record<string, unknown> = {};
    try {
      secrets = openForwardingSecrets(rule.id, rule.secrets);
    } catch {
      secrets = {};
    }
    const existing = joinForwardConfig(rule.config, secrets);
    const merged = mergeForwardConfigPatch(existing, input.config);
    assertSecretsStayWithDestination(existing, input.config, merged, FORWARD_SECRET_FIELDS[rule.kind]);
    const { config } = parseForwardConfig(rule.kind, merged);
    assertConfigUrls(config);
    const split = splitForwardConfig(rule.kind, config);
    data.config = split.config as Prisma.InputJsonValue;
    data.secrets = sealForwardingSecrets(rule.id, split.secrets);
  }
  const updated = await db().forwardingRule.update({ where: { id: rule.id }, data });
  forgetRules(rule.projectId);
  const before = toForwardingRuleDto(rule);
  const after = toForwardingRuleDto(updated);
  const changes = changedFields(before, {
    name: after.name,
    enabled: after.enabled,
    severities: after.severities,
    categories: after.categories,
    environments: after.environments,
    config: after.config,
  });
  if (changes) {
    await auditForwardingRule({ workspaceId: rule.workspaceId, actorId: auth.kind === "user" ? auth.userId : null, action: "forwarding_rule.updated", ruleId: rule.id, ...changes });
  }
  return after;
}
