import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { DEFAULT_PREFERENCES, type NotificationKind } from "@/lib/notifications/notificationKinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribeToken";
import { keyring } from "@/lib/security/keyring";

/** POST /api/v1/notifications/unsubscribe?token= — the token of an email's unsubscribe link. */
export const UnsubscribeQuerySchema = z.object({ token: z.string().min(1).max(2_000) });

/**
 * What an email's unsubscribe link does (the link's token is the credential; no sign-in): the kinds
 * that email carried stop arriving by email (they stay in the inbox), or the weekly report stops.
 * Answers what stopped. One click in a mail client (RFC 8058's List-Unsubscribe-Post) lands here too.
 */
export async function unsubscribeByLink(token: string): Promise<{ stopped: (NotificationKind | "weeklyReport")[] }> {
  let target: ReturnType<typeof readUnsubscribeToken> = null;
  try {
    target = readUnsubscribeToken(token, keyring());
  } catch {
    target = null;
  }
  if (!target) throw ApiError.validation("token: this unsubscribe link is not valid", [{ path: "token", message: "not a valid unsubscribe link" }]);
  const { userId } = target;
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw ApiError.notFound("the account of this link no longer exists");
  if ("weeklyReport" in target) {
    await db().notificationSettings.upsert({ where: { userId }, create: { userId, weeklyReport: false }, update: { weeklyReport: false, updatedAt: new Date() } });
    return { stopped: ["weeklyReport"] };
  }
  const current = (await db().notificationSettings.findUnique({ where: { userId } })) ?? DEFAULT_PREFERENCES;
  const stopped = target.kinds.filter((kind) => current[kind] === "email");
  if (stopped.length > 0) {
    const changes = Object.fromEntries(stopped.map((kind) => [kind, "inbox" as const]));
    await db().notificationSettings.upsert({ where: { userId }, create: { userId, ...changes }, update: { ...changes, updatedAt: new Date() } });
  }
  return { stopped };
}
