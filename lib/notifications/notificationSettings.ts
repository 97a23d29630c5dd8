import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, type NotificationPreferences } from "@/lib/notifications/notificationKinds";
import type { UpdateNotificationSettingsInput } from "@/lib/notifications/notificationSchemas";

export interface NotificationSettingsDto {
  preferences: NotificationPreferences;
  /** Each workspace's weekly report by email, Mondays (UTC). */
  weeklyReport: boolean;
  /** Whether this instance can send email at all (SMTP_URL); without it `email` means the inbox only. */
  emailAvailable: boolean;
}

/** GET /api/v1/account/notifications — your delivery per kind (the defaults until you change one). */
export async function getNotificationSettings(auth: AuthContext): Promise<NotificationSettingsDto> {
  assertUser(auth);
  const row = await db().notificationSettings.findUnique({ where: { userId: auth.userId } });
  return { preferences: pick(row ?? DEFAULT_PREFERENCES), weeklyReport: row?.weeklyReport ?? true, emailAvailable: emailAvailable() };
}

/** PATCH /api/v1/account/notifications — changes the kinds named, keeps the rest. */
export async function updateNotificationSettings(auth: AuthContext, input: UpdateNotificationSettingsInput): Promise<NotificationSettingsDto> {
  assertUser(auth);
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const row = await db().notificationSettings.upsert({
    where: { userId: auth.userId },
    create: { userId: auth.userId, ...changes },
    update: { ...changes, updatedAt: new Date() },
  });
  return { preferences: pick(row), weeklyReport: row.weeklyReport, emailAvailable: emailAvailable() };
}

function pick(row: NotificationPreferences): NotificationPreferences {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, row[k]])) as NotificationPreferences;
}

const emailAvailable = () => env().SMTP_URL !== undefined;
