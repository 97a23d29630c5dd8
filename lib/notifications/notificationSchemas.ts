import { z } from "zod";
import { NOTIFICATION_KINDS, NotificationDeliverySchema, type NotificationKind } from "@/lib/notifications/notificationKinds";

const uuid = z.string().uuid();

/** GET /api/v1/notifications?unread=true&limit=&before= — newest first; `before` is the last item's id of the previous page. */
export const NotificationsQuerySchema = z
  .object({
    unread: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    before: uuid.optional(),
  })
  .strict();
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

/** POST /api/v1/notifications/read `{ids}` or `{all: true}`; `read: false` marks them unread again. */
export const MarkNotificationsSchema = z
  .object({
    ids: z.array(uuid).min(1).max(500).optional(),
    all: z.literal(true).optional(),
    read: z.boolean().default(true),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: "give either ids or all: true", path: ["ids"] });
export type MarkNotificationsInput = z.infer<typeof MarkNotificationsSchema>;

/**
 * PATCH /api/v1/account/notifications — any of the kinds, each `off`, `inbox` or `email`; `weeklyReport`
 * on or off; `mutedProjectIds` the whole list of projects muted (`[]` unmutes every one).
 */
export const UpdateNotificationSettingsSchema = z
  .object({
    ...(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NotificationDeliverySchema.optional()])) as Record<NotificationKind, z.ZodOptional<typeof NotificationDeliverySchema>>),
    weeklyReport: z.boolean().optional(),
    mutedProjectIds: z.array(uuid).max(1000).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "name at least one kind, weeklyReport or mutedProjectIds" });
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsSchema>;

/** PUT /api/v1/errors/:id/subscription `{subscribed}`. */
export const IssueSubscriptionSchema = z.object({ subscribed: z.boolean() }).strict();
export type IssueSubscriptionInput = z.infer<typeof IssueSubscriptionSchema>;
