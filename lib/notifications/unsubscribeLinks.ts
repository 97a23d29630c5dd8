import { unsubscribeToken, type UnsubscribeTarget } from "@/lib/notifications/unsubscribeToken";
import { publicLink } from "@/lib/http/publicLink";
import { keyring } from "@/lib/security/keyring";

/** An email's unsubscribe links: the page its text links to, and the one-click URL of its List-Unsubscribe header. */
export interface UnsubscribeLinks {
  page: string;
  oneClick: string;
}

/** Null without PUBLIC_URL (no link can point anywhere) or without a secret key to seal the token with. */
export function unsubscribeLinks(publicUrl: string | undefined, target: UnsubscribeTarget): UnsubscribeLinks | null {
  if (!publicUrl) return null;
  let token: string;
  try {
    token = encodeURIComponent(unsubscribeToken(target, keyring()));
  } catch {
    return null;
  }
  const page = publicLink(publicUrl, `/unsubscribe?token=${token}`);
  const oneClick = publicLink(publicUrl, `/api/v1/notifications/unsubscribe?token=${token}`);
  return page && oneClick ? { page, oneClick } : null;
}

/** RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that POSTs the one-click URL. */
export function unsubscribeHeaders(links: UnsubscribeLinks | null): Record<string, string> {
  return links ? { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};
}
