import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { API_TOKEN_PREFIX, newApiToken, SHOWN_PREFIX_CHARS } from "@/lib/apiTokens/apiTokenFormat";
import { toApiTokenDto } from "@/lib/apiTokens/apiTokenDto";
import { MAX_API_TOKENS_PER_USER, type CreateApiTokenInput } from "@/lib/apiTokens/apiTokenSchemas";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";

const DAY_MS = 86_400_000;

/** POST /api/v1/account/tokens — a new API token; the token itself is in this answer only. */
export async function createApiToken(auth: AuthContext, input: CreateApiTokenInput, now = new Date()) {
  assertSignedInSession(auth);
  const token = newApiToken();
  const created = await db().$transaction(async (tx) => {
    // Serialises one user's creations, so two at once cannot both pass the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`api-tokens:${auth.userId}`}, 0))`;
    if ((await tx.apiToken.count({ where: { userId: auth.userId } })) >= MAX_API_TOKENS_PER_USER) {
      throw new ApiError(409, "too_many_tokens", `you have ${MAX_API_TOKENS_PER_USER} API tokens: revoke one first`);
    }
    const row = await tx.apiToken.create({
      data: {
        id: uuidv7(now.getTime()),
        userId: auth.userId,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(API_TOKEN_PREFIX.length, API_TOKEN_PREFIX.length + SHOWN_PREFIX_CHARS),
        scope: input.scope,
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      },
    });
    await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.api_token_created", after: { name: row.name, scope: row.scope, prefix: row.prefix } });
    return row;
  });
  return { ...toApiTokenDto(created, now), token };
}

export type CreatedApiToken = Awaited<ReturnType<typeof createApiToken>>;
