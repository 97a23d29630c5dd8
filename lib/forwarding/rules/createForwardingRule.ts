import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { auditForwardingRule } from "@/lib/forwarding/rules/forwardingAudit";
import { newSigningSecret, parseForwardConfig, splitForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import { toForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import { sealForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import type { CreateForwardingRuleInput } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { forgetRules } from "@/lib/forwarding/rules/ruleCache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findProject } from "@/lib/projects/findProject";
import { assertConfigUrls } from "@/lib/outbound/assertOutboundUrls";

/**
 * Adds a forwarding rule to a project (admins). A webhook rule without a signing secret gets one,
 * returned once as `signingSecret` (like a new ingest key); afterwards it is only shown masked.
 * Secrets go to their own column, encrypted with FAULTLINE_SECRET_KEY (forwardingSecrets.ts).
 */
export async function createForwardingRule(auth: AuthContext, projectId: string, input: CreateForwardingRuleInput) {
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const generated = input.kind === "webhook" && input.config.secret === undefined ? newSigningSecret() : undefined;
  const target = parseForwardConfig(input.kind, { ...input.config, ...(generated && { secret: generated }) });
  assertConfigUrls(target.config);
  const split = splitForwardConfig(input.kind, target.config);
  const id = uuidv7();
  const rule = await db().forwardingRule.create({
    data: {
      id,
      workspaceId: project.workspaceId,
      projectId,
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      severities: input.severities,
      categories: input.categories,
      environments: input.environments,
      config: split.config as Prisma.InputJsonValue,
      secrets: sealForwardingSecrets(id, split.secrets),
    },
  });
  forgetRules(projectId);
  const dto = toForwardingRuleDto(rule);
  await auditForwardingRule({ workspaceId: project.workspaceId, actorId: auth.kind === "user" ? auth.userId : null, action: "forwarding_rule.created", ruleId: rule.id, after: dto });
  return { ...dto, ...(generated && { signingSecret: generated }) };
}
