import { z } from "zod";

/** GET /api/v1/auth/oidc/start */
export const OidcStartQuerySchema = z.object({ next: z.string().max(2000).optional() });

/** GET /api/v1/auth/oidc/callback (what the provider sends back; checked by lib/auth/oidc/oidcFlow.ts) */
export const OidcCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuerySchema>;
