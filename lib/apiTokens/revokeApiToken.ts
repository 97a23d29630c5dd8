import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** DELETE /api/v1/account/tokens/:tokenId — the token stops working at once, on every instance (404 for anyone else's). */
export async function revokeApiToken(auth: AuthContext, tokenId: string): Promise<void> {
  assertSignedInSession(auth);
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: auth.userId } });
    if (!token) throw ApiError.notFound("API token not found");
    await tx.apiToken.delete({ where: { id: token.id } });
    await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.api_token_revoked", before: { name: token.name, scope: token.scope, prefix: token.prefix } });
  });
}
