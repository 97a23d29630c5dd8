import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** One audit row for a forwarding rule change (secrets appear masked, as in the DTO). */
export async function auditForwardingRule(input: {
  workspaceId: string;
  actorId: string | null;
  action: "forwarding_rule.created" | "forwarding_rule.updated" | "forwarding_rule.deleted";
  ruleId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}): Promise<void> {
  await db().auditLog.create({
    data: {
      id: uuidv7(),
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      actorType: input.actorId ? "user" : "system",
      action: input.action,
      targetType: "forwarding_rule",
      targetId: input.ruleId,
      before: input.before as Prisma.InputJsonValue | undefined,
      after: input.after as Prisma.InputJsonValue | undefined,
    },
  });
}
