import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** GET /api/v1/account/two-factor — whether codes are asked at sign-in, since when, and recovery codes left. */
export async function twoFactorStatus(auth: AuthContext) {
  assertSignedInSession(auth);
  const [row, recoveryCodesLeft] = await Promise.all([
    db().twoFactor.findUnique({ where: { userId: auth.userId }, select: { enabledAt: true } }),
    db().recoveryCode.count({ where: { userId: auth.userId, usedAt: null } }),
  ]);
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt?.toISOString() ?? null, recoveryCodesLeft: row?.enabledAt ? recoveryCodesLeft : 0 };
}

export type TwoFactorStatus = Awaited<ReturnType<typeof twoFactorStatus>>;
