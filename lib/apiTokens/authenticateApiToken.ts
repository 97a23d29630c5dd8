import { isApiTokenShape } from "@/lib/apiTokens/apiTokenFormat";
import { noteCredentialUsed } from "@/lib/auth/noteCredentialUsed";
import type { UserAuth } from "@/lib/auth/session";
import { sha256Hex } from "@/lib/auth/tokens";
import { MEMBERSHIP_ACCESS_SELECT, workspaceAccess } from "@/lib/auth/workspaceAccess";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The user an API token acts for, with their roles as they are now (a member removed from a
 * workspace loses it through their tokens at once); 401 for an unknown, malformed or expired
 * token, 403 when a read-only token asks to change something. Looked up on every request, like a
 * session: a revoked token stops working on every instance at once.
 */
export async function authenticateApiToken(token: string, method: string): Promise<UserAuth> {
  if (!isApiTokenShape(token)) throw ApiError.unauthorized("invalid API token");
  const row = await db().apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { user: { include: MEMBERSHIP_ACCESS_SELECT } },
  });
  if (!row) throw ApiError.unauthorized("invalid or revoked API token");
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) throw ApiError.unauthorized("this API token has expired");
  if (row.scope === "read" && !READ_METHODS.has(method.toUpperCase())) throw ApiError.forbidden("this API token is read-only");
  noteCredentialUsed("ApiToken", row.id);
  const { user } = row;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, operator: user.operator, ...workspaceAccess(user.memberships, Boolean(user.twoFactor?.enabledAt)), apiTokenId: row.id };
}
