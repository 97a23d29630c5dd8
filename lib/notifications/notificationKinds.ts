import { z } from "zod";
import type { NotificationDelivery as PrismaDelivery, NotificationKind as PrismaKind } from "@/lib/generated/prisma/enums";

/** What a person is told about an issue they take part in, and alerts routed to them (docs/notifications.md). */
export const NOTIFICATION_KINDS = ["assigned", "regressed", "commented", "mentioned", "resolved", "alert"] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Not at all, in Faultline's inbox, or in the inbox and by email. */
export const NOTIFICATION_DELIVERIES = ["off", "inbox", "email"] as const;
export const NotificationDeliverySchema = z.enum(NOTIFICATION_DELIVERIES);
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;

/** One delivery per kind. */
export type NotificationPreferences = Record<NotificationKind, NotificationDelivery>;

/**
 * Without a choice of their own: being handed an issue, an issue one took part in coming back, and
 * being named in a comment arrive by email too, and so do alerts a "Faultline members" channel sends
 * them; other people's comments and resolutions only in the inbox. The same defaults as the NotificationSettings table's columns.
 */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  assigned: "email",
  regressed: "email",
  commented: "inbox",
  mentioned: "email",
  resolved: "inbox",
  alert: "email",
};

/** How each kind is named in the settings. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "An issue is assigned to me or my team",
  regressed: "An issue I take part in comes back after being resolved",
  commented: "Someone comments on an issue I take part in",
  mentioned: "Someone mentions me in a comment",
  resolved: "Someone resolves an issue I take part in",
  alert: "An alert is routed to me, my team or an issue I'm assigned",
};

export const NOTIFICATION_DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  off: "Off",
  inbox: "In Faultline",
  email: "In Faultline and by email",
};

// The zod vocabulary and the database's enums stay one list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<NotificationKind, PrismaKind> = true;
const deliveriesMatch: Same<NotificationDelivery, PrismaDelivery> = true;
void kindsMatch;
void deliveriesMatch;
