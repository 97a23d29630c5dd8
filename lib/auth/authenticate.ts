import type { AuthContext } from "@/lib/auth/AuthContext";
import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { getSessionUser, requireSessionUser } from "@/lib/auth/session";
import { readApiToken } from "@/lib/apiTokens/apiTokenFormat";
import { ApiError } from "@/lib/http/ApiError";

/** Read endpoints accept a session cookie, an API token or, for scripts, a project's ingest key (read-only, one project). */
export async function authenticate(req: Request): Promise<AuthContext> {
  if (readApiToken(req)) return requireSessionUser(req);
  const key = readIngestKey(req);
  if (key) return authenticateIngestKey(key);
  const user = await getSessionUser(req);
  if (!user) throw ApiError.unauthorized("sign in or send an ingest key");
  return user;
}
