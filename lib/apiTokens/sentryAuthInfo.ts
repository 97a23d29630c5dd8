import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** Sentry's names for what a Faultline token may do (sentry-cli prints them). */
const SCOPES = {
  read: ["org:read", "project:read"],
  write: ["org:read", "project:read", "project:write", "project:releases"],
} as const;

/**
 * GET /api/0/ — who a sentry-cli token is, as `sentry-cli info` checks a configuration: the user and
 * the token's scopes in Sentry's names (a read-only token reads; a write token also uploads source
 * maps and declares releases). A session (the browser) has the write scopes.
 */
export async function sentryAuthInfo(auth: AuthContext) {
  if (auth.kind !== "user") throw ApiError.unauthorized("sign in or send an API token");
  const token = auth.apiTokenId ? await db().apiToken.findUnique({ where: { id: auth.apiTokenId }, select: { scope: true } }) : null;
  return { version: "0", user: { id: auth.userId, email: auth.email, name: auth.name }, auth: { scopes: [...SCOPES[token?.scope ?? "write"]] } };
}
