import { needsReseal, openChannelSecrets, sealChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";

/**
 * Encrypts channel secrets still stored in plain (rows from before encryption) and re-seals those
 * sealed with a previous key under the current FAULTLINE_SECRET_KEY. Runs at start-up and from
 * `npm run secrets:rotate`; idempotent, one row at a time. Rows that no key opens are left as they
 * are and reported.
 */
export async function resealChannelSecrets(): Promise<{ resealed: number; unreadable: number }> {
  const channels = await db().notificationChannel.findMany({ select: { id: true, secrets: true } });
  let resealed = 0;
  let unreadable = 0;
  for (const channel of channels) {
    if (!needsReseal(channel.secrets)) continue;
    let plain;
    try {
      plain = openChannelSecrets(channel.id, channel.secrets);
    } catch (error) {
      unreadable++;
      logger.warn("channel secrets cannot be opened with the configured keys", { channelId: channel.id, error: (error as Error).message });
      continue;
    }
    // Only the row as read is replaced: a concurrent edit wins and is sealed on its own.
    const { count } = await db().notificationChannel.updateMany({
      where: { id: channel.id, secrets: { equals: channel.secrets as object } },
      data: { secrets: sealChannelSecrets(channel.id, plain) },
    });
    resealed += count;
  }
  if (resealed || unreadable) logger.info("channel secrets re-sealed", { resealed, unreadable });
  return { resealed, unreadable };
}
