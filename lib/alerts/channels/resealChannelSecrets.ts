import { needsReseal, openChannelSecrets, sealChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { db } from "@/lib/db/prisma";
import { resealRows } from "@/lib/security/resealRows";

/** Seals channel secrets still in plain and re-seals those under a previous key (lib/security/resealRows.ts). */
export function resealChannelSecrets(): Promise<{ resealed: number; unreadable: number }> {
  return resealRows({
    what: "channel secrets",
    idField: "channelId",
    rows: () => db().notificationChannel.findMany({ select: { id: true, secrets: true } }),
    needsReseal,
    open: openChannelSecrets,
    seal: sealChannelSecrets,
    replace: async (id, expected, sealed) =>
      (await db().notificationChannel.updateMany({ where: { id, secrets: { equals: expected as object } }, data: { secrets: sealed } })).count,
  });
}
