import { oidcCallbackResponse } from "@/lib/auth/oidc/oidcResponses";
import { handle } from "@/lib/http/handle";

/** GET /api/v1/auth/oidc/callback?code&state — the provider's redirect back: signs in and redirects on. */
export const GET = handle(async (req: Request) => oidcCallbackResponse(req));
