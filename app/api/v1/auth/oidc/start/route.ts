import { oidcStartResponse } from "@/lib/auth/oidc/oidcResponses";
import { OidcStartQuerySchema } from "@/lib/auth/oidc/oidcSchemas";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

/** GET /api/v1/auth/oidc/start?next=/path — redirects to the single sign-on provider (404 when not configured). */
export const GET = handle(async (req: Request) => {
  const { next } = parseSearchParams(OidcStartQuerySchema, req);
  return oidcStartResponse(req, next);
});
