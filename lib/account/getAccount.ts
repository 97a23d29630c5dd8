import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** GET /api/v1/account — the signed-in user's own profile. */
export async function getAccount(auth: AuthContext) {
  assertUser(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId } });
  return toAccountDto(user);
}

export function toAccountDto(user: { id: string; email: string; name: string; timeZone: string | null; createdAt: Date; passwordChangedAt: Date | null }) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    /** An IANA zone, "local" (the browser's) or null (UTC). */
    timeZone: user.timeZone,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}

export type Account = ReturnType<typeof toAccountDto>;
