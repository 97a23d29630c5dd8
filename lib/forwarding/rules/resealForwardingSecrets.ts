import { db } from "@/lib/db/prisma";
import { forwardingSecretsNeedReseal, openForwardingSecrets, sealForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import { logger } from "@/lib/logger";

/**
 * Encrypts forwarding-rule secrets still stored in plain (rules from before encryption) and
 * re-seals those sealed with a previous key under the current FAULTLINE_SECRET_KEY. Runs at start-up
 * and from `npm run secrets:rotate` (lib/security/resealAllSecrets.ts); idempotent, one row at a
 * time. Rows that no key opens are left as they are and reported.
 */
export async function resealForwardingSecrets(): Promise<{ resealed: number; unreadable: number }> {
  const rules = await db().forwardingRule.findMany({ select: { id: true, secrets: true } });
  let resealed = 0;
  let unreadable = 0;
  for (const rule of rules) {
    if (!forwardingSecretsNeedReseal(rule.secrets)) continue;
    let plain;
    try {
      plain = openForwardingSecrets(rule.id, rule.secrets);
    } catch (error) {
      unreadable++;
      logger.warn("forwarding rule secrets cannot be opened with the configured keys", { ruleId: rule.id, error: (error as Error).message });
      continue;
    }
    // Only the row as read is replaced: a concurrent edit wins and is sealed on its own.
    const { count } = await db().forwardingRule.updateMany({
      where: { id: rule.id, secrets: { equals: rule.secrets as object } },
      data: { secrets: sealForwardingSecrets(rule.id, plain) },
    });
    resealed += count;
  }
  if (resealed || unreadable) logger.info("forwarding rule secrets re-sealed", { resealed, unreadable });
  return { resealed, unreadable };
}
