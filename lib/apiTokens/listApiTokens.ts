import { toApiTokenDto } from "@/lib/apiTokens/apiTokenDto";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** GET /api/v1/account/tokens — the user's API tokens, newest first (expired ones too, marked by their date). */
export async function listApiTokens(auth: AuthContext) {
  assertSignedInSession(auth);
  const tokens = await db().apiToken.findMany({ where: { userId: auth.userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const now = new Date();
  return { items: tokens.map((token) => toApiTokenDto(token, now)) };
}

export type ApiTokenList = Awaited<ReturnType<typeof listApiTokens>>;
