import { clientInfo } from "@/lib/auth/clientInfo";
import { beginOidcSignIn, clearedFlowCookieHeader, completeOidcSignIn, FLOW_COOKIE, flowCookieHeader } from "@/lib/auth/oidc/oidcFlow";
import type { OidcCallbackQuery } from "@/lib/auth/oidc/oidcSchemas";
import { linkCookieHeader } from "@/lib/auth/oidc/pendingLink";
import { cookieSecureFlag, readCookie, sessionCookie } from "@/lib/auth/session";
import { challengeCookie } from "@/lib/auth/signInChallenge";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";
import { publicOrigin } from "@/lib/projects/publicOrigin";

/**
 * The browser side of single sign-on: redirects, never JSON pages. A failure (provider down, state
 * mismatch, no account) lands on the sign-in page with the reason in `?sso_error=`; only "not
 * configured" stays a JSON 404, as for any unknown API path. An identity to link lands on the
 * sign-in page's link step (`?step=link-sso`) with the pending link cookie.
 */
export async function oidcStartResponse(req: Request, next: string | undefined): Promise<Response> {
  return redirecting(req, async (headers) => {
    const { location, flowCookie } = await beginOidcSignIn(publicOrigin(req), next ?? null);
    headers.append("set-cookie", flowCookieHeader(flowCookie, cookieSecureFlag(req)));
    return location;
  });
}

export async function oidcCallbackResponse(req: Request, query: OidcCallbackQuery): Promise<Response> {
  return redirecting(req, async (headers) => {
    const outcome = await completeOidcSignIn(query, readCookie(req, FLOW_COOKIE), clientInfo(req), publicOrigin(req));
    headers.append("set-cookie", clearedFlowCookieHeader(cookieSecureFlag(req)));
    const next = outcome.next;
    if (outcome.kind === "link") {
      // The account with this email has no identity linked: its password (and code) links it.
      headers.append("set-cookie", linkCookieHeader(outcome.linkCookie, cookieSecureFlag(req)));
      return `/login?step=link-sso&next=${encodeURIComponent(next)}`;
    }
    const result = outcome.result;
    if (result.kind === "twoFactor") {
      headers.append("set-cookie", challengeCookie(req, result.token, result.expiresAt));
      return `/login?step=two-factor&next=${encodeURIComponent(next)}`;
    }
    headers.append("set-cookie", sessionCookie(req, result.token, result.expiresAt));
    return next;
  });
}

async function redirecting(req: Request, fn: (headers: Headers) => Promise<string>): Promise<Response> {
  const headers = new Headers({ "cache-control": "no-store" });
  try {
    headers.set("location", await fn(headers));
  } catch (error) {
    if (error instanceof ApiError && error.code === "sso_not_configured") throw error;
    const message = error instanceof ApiError ? error.message : "single sign-on failed: try again, or sign in with your password";
    if (!(error instanceof ApiError) || error.status >= 500) logger.warn("single sign-on failed", { error: error instanceof Error ? error.message : String(error) });
    headers.set("location", `/login?sso_error=${encodeURIComponent(message)}`);
    headers.append("set-cookie", clearedFlowCookieHeader(cookieSecureFlag(req)));
  }
  return new Response(null, { status: 302, headers });
}
