import { db } from "@/lib/db/prisma";
import { resealRows } from "@/lib/security/resealRows";
import { openTotpSecret, sealTotpSecret, totpSecretNeedsReseal } from "@/lib/twoFactor/totpSecretBox";

/** Re-seals authenticator secrets sealed under a previous FAULTLINE_SECRET_KEY (lib/security/resealRows.ts). */
export function resealTwoFactorSecrets(): Promise<{ resealed: number; unreadable: number }> {
  return resealRows({
    what: "two-factor secrets",
    idField: "userId",
    rows: async () => (await db().twoFactor.findMany({ select: { userId: true, secrets: true } })).map((r) => ({ id: r.userId, secrets: r.secrets })),
    needsReseal: totpSecretNeedsReseal,
    open: (id, stored) => ({ secret: openTotpSecret(id, stored) }),
    seal: (id, plain) => sealTotpSecret(id, String(plain.secret)),
    replace: async (id, expected, sealed) =>
      (await db().twoFactor.updateMany({ where: { userId: id, secrets: { equals: expected as object } }, data: { secrets: sealed } })).count,
  });
}
