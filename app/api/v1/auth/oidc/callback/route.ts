import { oidcCallbackResponse } from "@/lib/auth/oidc/oidcResponses";
import { OidcCallbackQuerySchema } from "@/lib/auth/oidc/oidcSchemas";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

/** GET /api/v1/auth/oidc/callback?code&state — the provider's redirect back: signs in and redirects on. */
export const GET = handle(async (req: Request) => oidcCallbackResponse(req, parseSearchParams(OidcCallbackQuerySchema, req)));
