import { z } from "zod";
import { IssueSubscriptionSchema, MarkNotificationsSchema, NotificationsQuerySchema, UpdateNotificationSettingsSchema } from "@/lib/notifications/notificationSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { UnsubscribeQuerySchema } from "@/lib/notifications/unsubscribeByLink";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });

/** Your workflow notifications (docs/notifications.md): the inbox, what arrives by email, the issues you follow. */
export const notificationRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/notifications", tag: "Notifications", auth: "session",
    summary: "Your notifications, newest first (assigned, regressed, commented, mentioned, resolved; alert: an alert a \"Faultline members\" channel sent you), with the unread count", query: NotificationsQuerySchema,
    responses: { 200: "`{items: [{id, kind, text, createdAt, readAt, actor, detail, issue: {id, type, message, status, projectName, workspaceId}}], unreadCount, nextCursor}`" }, errors: [401, 422],
  },
  {
    method: "POST", path: "/api/v1/notifications/read", tag: "Notifications", auth: "session",
    summary: "Mark your notifications read (by id, or all), or unread again", body: MarkNotificationsSchema,
    responses: { 200: "`{updated, unreadCount}`" }, errors: [401, 422],
  },
  {
    method: "POST", path: "/api/v1/notifications/unsubscribe", tag: "Notifications", auth: "none",
    summary: "An email's unsubscribe link (also its one-click List-Unsubscribe URL): the kinds it carried stop arriving by email, or the weekly report stops; the token is the credential",
    query: UnsubscribeQuerySchema, responses: { 200: "`{stopped}`" }, errors: [404, 422],
  },
  {
    method: "GET", path: "/api/v1/account/notifications", tag: "Notifications", auth: "session",
    summary: "Your delivery per kind (`off`, `inbox`, `email`), the weekly report, the projects you muted and whether this instance sends email", responses: { 200: "`{preferences, weeklyReport, mutedProjectIds, emailAvailable}`" }, errors: [401],
  },
  {
    method: "PATCH", path: "/api/v1/account/notifications", tag: "Notifications", auth: "session",
    summary: "Change your delivery of some kinds, the weekly report, or the projects you mute (`mutedProjectIds`: the whole list; a muted project's issues and alerts reach you only for issues you follow, or by an assignment or a mention)", body: UpdateNotificationSettingsSchema, responses: { 200: "`{preferences, weeklyReport, mutedProjectIds, emailAvailable}`" }, errors: [401, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/subscription", tag: "Notifications", auth: "session", role: "viewer",
    summary: "Whether you follow an issue, and why", params: IdParams, responses: { 200: "`{subscribed, reasons, choice, projectMuted}`" }, errors: [401, 404],
  },
  {
    method: "PUT", path: "/api/v1/errors/{id}/subscription", tag: "Notifications", auth: "session", role: "viewer",
    summary: "Follow an issue, or stop following it", params: IdParams, body: IssueSubscriptionSchema, responses: { 200: "`{subscribed, reasons, choice, projectMuted}`" }, errors: [401, 404, 422],
  },
];
