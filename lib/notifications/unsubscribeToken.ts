import { z } from "zod";
import { NotificationKindSchema, type NotificationKind } from "@/lib/notifications/notificationKinds";
import { open, seal, type Keyring } from "@/lib/security/secretBox";

/** What an email's unsubscribe link stops: the kinds it carried (they stay in the inbox), or the weekly report. */
export type UnsubscribeTarget = { userId: string; kinds: NotificationKind[] } | { userId: string; weeklyReport: true };

const CONTEXT = "faultline:email-unsubscribe";
const PayloadSchema = z.union([
  z.object({ u: z.string().uuid(), k: z.array(NotificationKindSchema).min(1).max(10) }).strict(),
  z.object({ u: z.string().uuid(), w: z.literal(1) }).strict(),
]);

/** A link's token: the target sealed with the server's key (AES-GCM; nobody can forge or alter one). */
export function unsubscribeToken(target: UnsubscribeTarget, ring: Keyring): string {
  const payload = "kinds" in target ? { u: target.userId, k: [...new Set(target.kinds)] } : { u: target.userId, w: 1 };
  return seal(JSON.stringify(payload), CONTEXT, ring);
}

/** The target of a token this server sealed; null for anything else (altered, another key, another purpose). */
export function readUnsubscribeToken(token: string, ring: Keyring): UnsubscribeTarget | null {
  let payload: unknown;
  try {
    payload = JSON.parse(open(token, CONTEXT, ring));
  } catch {
    return null;
  }
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  return "k" in parsed.data ? { userId: parsed.data.u, kinds: parsed.data.k } : { userId: parsed.data.u, weeklyReport: true };
}
