import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** One audit row for an alerting change (rules, channels, alert transitions by users). */
export function auditData(input: {
  workspaceId: string;
  actorId: string | null;
  action: string;
  targetType: "alert" | "alert_rule" | "notification_channel";
  targetId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}): Prisma.AuditLogUncheckedCreateInput {
  return {
    id: uuidv7(),
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    actorType: input.actorId ? "user" : "system",
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

/** The fields whose values differ, as before/after objects for the audit log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    b[key] = before[key];
    a[key] = value;
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
