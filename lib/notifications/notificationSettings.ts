import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, type NotificationPreferences } from "@/lib/notifications/notificationKinds";
import { mutedProjectIdsOf, replaceProjectMutes } from "@/lib/notifications/projectMutes";
import type { UpdateNotificationSettingsInput } from "@/lib/notifications/notificationSchemas";

export interface NotificationSettingsDto {
  preferences: NotificationPreferences;
  /** Each workspace's weekly report by email, Mondays (UTC). */
  weeklyReport: boolean;
  /** Projects whose issues and alerts you are not told of unless you follow the issue (or are assigned or mentioned). */
  mutedProjectIds: string[];
  /** Whether this instance can send email at all (SMTP_URL); without it `email` means the inbox only. */
  emailAvailable: boolean;
}

/** GET /api/v1/account/notifications — your delivery per kind (the defaults until you change one). */
export async function getNotificationSettings(auth: AuthContext): Promise<NotificationSettingsDto> {
  assertUser(auth);
  const [row, mutedProjectIds] = await Promise.all([db().notificationSettings.findUnique({ where: { userId: auth.userId } }), mutedProjectIdsOf(auth.userId)]);
  return { preferences: pick(row ?? DEFAULT_PREFERENCES), weeklyReport: row?.weeklyReport ?? true, mutedProjectIds, emailAvailable: emailAvailable() };
}

/** PATCH /api/v1/account/notifications — changes what it names (the muted projects as a whole list), keeps the rest. */
export async function updateNotificationSettings(auth: AuthContext, input: UpdateNotificationSettingsInput): Promise<NotificationSettingsDto> {
  assertUser(auth);
  const { mutedProjectIds, ...settings } = input;
  if (mutedProjectIds !== undefined) await replaceProjectMutes(auth.userId, mutedProjectIds);
  const changes = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length > 0) {
    await db().notificationSettings.upsert({
      where: { userId: auth.userId },
      create: { userId: auth.userId, ...changes },
      update: { ...changes, updatedAt: new Date() },
    });
  }
  return getNotificationSettings(auth);
}

function pick(row: NotificationPreferences): NotificationPreferences {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, row[k]])) as NotificationPreferences;
}

const emailAvailable = () => env().SMTP_URL !== undefined;
