import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser, visibleWorkspaceIds } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { describeNotification } from "@/lib/notifications/describeNotification";
import type { NotificationKind } from "@/lib/notifications/notificationKinds";
import type { NotificationsQuery } from "@/lib/notifications/notificationSchemas";

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  /** The sentence the inbox shows ("Ana commented: “fixed in #42”"). */
  text: string;
  createdAt: string;
  readAt: string | null;
  actor: { id: string; name: string } | null;
  detail: Record<string, unknown>;
  workspaceId: string;
  /** Null for an alert of a project or the workspace (error rate, spike, ingest health) and a channel test. */
  issue: { id: string; type: string; message: string; status: string; projectName: string; workspaceId: string } | null;
  /** Kind `alert`: the alert, as it is now (null for a channel test). */
  alert: { id: string; title: string; severity: string; status: string; projectName: string | null } | null;
}

export interface NotificationList {
  items: NotificationDto[];
  unreadCount: number;
  /** Pass as `before` for the next (older) page; null on the last. */
  nextCursor: string | null;
}

/**
 * GET /api/v1/notifications — your notifications (and alerts routed to you), newest first, of the
 * workspaces you are still a member of, with how many are unread. Ids are time-ordered (UUIDv7), so `before` pages by id.
 */
export async function listNotifications(auth: AuthContext, query: NotificationsQuery): Promise<NotificationList> {
  assertUser(auth);
  const workspaceIds = inboxWorkspaceIds(auth);
  const where = { userId: auth.userId, workspaceId: { in: workspaceIds } };
  const [rows, unreadCount] = await Promise.all([
    db().userNotification.findMany({
      where: { ...where, ...(query.unread ? { readAt: null } : {}), ...(query.before ? { id: { lt: query.before } } : {}) },
      orderBy: { id: "desc" },
      take: query.limit + 1,
      include: {
        group: { select: { id: true, type: true, message: true, status: true, workspaceId: true, project: { select: { name: true } } } },
        alert: { select: { id: true, title: true, severity: true, status: true, project: { select: { name: true } } } },
      },
    }),
    countUnread(auth.userId, workspaceIds),
  ]);
  const page = rows.slice(0, query.limit);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]));
  return {
    items: page.map((r) => {
      const actor = r.actorId ? actors.get(r.actorId) ?? null : null;
      const detail = r.detail && typeof r.detail === "object" && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {};
      return {
        id: r.id,
        kind: r.kind,
        text: describeNotification(r.kind, actor?.name ?? null, detail),
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
        actor,
        detail,
        workspaceId: r.workspaceId,
        issue: r.group && { id: r.group.id, type: r.group.type, message: r.group.message, status: r.group.status, projectName: r.group.project.name, workspaceId: r.group.workspaceId },
        alert: r.alert && { id: r.alert.id, title: r.alert.title, severity: r.alert.severity, status: r.alert.status, projectName: r.alert.project?.name ?? null },
      };
    }),
    unreadCount,
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

/** The workspaces whose notifications a person sees: those they may open now. */
export function inboxWorkspaceIds(auth: Extract<AuthContext, { kind: "user" }>): string[] {
  return visibleWorkspaceIds(auth).filter((id) => !auth.twoFactorBlocked?.includes(id));
}

/** How many of a person's notifications are unread (the partial index on unread ones). */
export function countUnread(userId: string, workspaceIds: string[]): Promise<number> {
  return db().userNotification.count({ where: { userId, workspaceId: { in: workspaceIds }, readAt: null } });
}
