import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Who made a change: a signed-in user, the admin CLI, or Faultline itself (rules, ingest). */
export type AuditActor = { type: "user"; userId: string } | { type: "cli" } | { type: "system" };

export interface AuditEntry {
  workspaceId: string;
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** One AuditLog row (administration changes: workspaces, projects, members, teams, rules, keys). */
export function auditRow(entry: AuditEntry): Prisma.AuditLogUncheckedCreateInput {
  return {
    id: uuidv7(),
    workspaceId: entry.workspaceId,
    actorId: entry.actor.type === "user" ? entry.actor.userId : null,
    actorType: entry.actor.type,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

export const userActor = (userId: string): AuditActor => ({ type: "user", userId });
