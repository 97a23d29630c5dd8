import type { AuthContext } from "@/lib/auth/AuthContext";
import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { getSessionUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/ApiError";

/** Read endpoints accept a session cookie or, for scripts, a project's ingest key (read-only, one project). */
export async function authenticate(req: Request): Promise<AuthContext> {
  const key = readIngestKey(req);
  if (key) return authenticateIngestKey(key);
  const user = await getSessionUser(req);
  if (!user) throw ApiError.unauthorized("sign in or send an ingest key");
  return user;
}
