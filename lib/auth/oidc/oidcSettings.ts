import type { Provisioning } from "@/lib/auth/oidc/provisionSsoUser";
import { env } from "@/lib/env";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  provisioning: Provisioning;
}

/** The single sign-on provider this instance is configured with (OIDC_* variables), or null. */
export function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, OIDC_ALLOWED_DOMAINS, OIDC_DEFAULT_WORKSPACE, OIDC_DEFAULT_ROLE } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    name: OIDC_NAME,
    provisioning: { domains: OIDC_ALLOWED_DOMAINS ?? [], workspace: OIDC_DEFAULT_WORKSPACE ?? null, role: OIDC_DEFAULT_ROLE },
  };
}
