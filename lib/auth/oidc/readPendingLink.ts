import { openPendingLink, type PendingLink } from "@/lib/auth/oidc/pendingLink";
import { keyring } from "@/lib/security/keyring";

/** The pending link of the `faultline_sso_link` cookie's value, or null (also when no FAULTLINE_SECRET_KEY is set: nothing could have been sealed). */
export function readPendingLink(cookie: string | undefined): PendingLink | null {
  if (!cookie) return null;
  try {
    return openPendingLink(cookie, keyring());
  } catch {
    return null;
  }
}
