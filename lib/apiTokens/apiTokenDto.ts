import type { ApiToken } from "@/lib/generated/prisma/client";

/** A token as lists show it: never the token itself (it is shown once, when created). */
export function toApiTokenDto(token: ApiToken, now = new Date()) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    expired: token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export type ApiTokenDto = ReturnType<typeof toApiTokenDto>;
