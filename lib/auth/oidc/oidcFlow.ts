import type { JsonWebKey } from "node:crypto";
import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import { claimBackfilledIdentity } from "@/lib/auth/oidc/claimBackfilledIdentity";
import { findSsoAccount } from "@/lib/auth/oidc/findSsoAccount";
import { IdTokenError, trimSlash, verifiedEmail, verifyIdToken } from "@/lib/auth/oidc/idToken";
import type { OidcCallbackQuery } from "@/lib/auth/oidc/oidcSchemas";
import { oidcSettings, type OidcSettings } from "@/lib/auth/oidc/oidcSettings";
import { providerError, providerKeys, providerMetadata, type ProviderMetadata } from "@/lib/auth/oidc/oidcProvider";
import { codeChallenge } from "@/lib/auth/oidc/pkce";
import { sealPendingLink, type SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { provisionSsoUser } from "@/lib/auth/oidc/provisionSsoUser";
import { ssoOutcome } from "@/lib/auth/oidc/ssoOutcome";
import type { ClientInfo } from "@/lib/auth/session";
import { randomToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { keyring } from "@/lib/security/keyring";
import { open, seal } from "@/lib/security/secretBox";
import { safeNext } from "@/lib/text/safeNext";

/** The HTTP-only cookie that carries one sign-in's state, nonce and PKCE verifier to the callback. */
export const FLOW_COOKIE = "faultline_oidc";
const FLOW_TTL_MS = 10 * 60_000;
const FLOW_CONTEXT = "oidc_flow";

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  expiresAt: number;
}

export function requireOidc(): OidcSettings {
  const settings = oidcSettings();
  if (!settings) throw new ApiError(404, "sso_not_configured", "single sign-on is not configured on this server (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)");
  return settings;
}

export function callbackUrl(origin: string): string {
  return `${origin}/api/v1/auth/oidc/callback`;
}

/**
 * GET /api/v1/auth/oidc/start: where to send the browser (the provider's authorization endpoint,
 * authorization code flow with PKCE S256, a fresh state and nonce) and the sealed flow cookie that
 * lets the callback check them. `next` is where to land afterwards (a path on this site).
 */
export async function beginOidcSignIn(origin: string, next: string | null): Promise<{ location: string; flowCookie: string }> {
  const settings = requireOidc();
  const provider = await providerMetadata(settings.issuer);
  const flow: Flow = { state: randomToken(), nonce: randomToken(), verifier: randomToken(), next: safeNext(next), expiresAt: Date.now() + FLOW_TTL_MS };
  const url = new URL(provider.authorization_endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("redirect_uri", callbackUrl(origin));
  url.searchParams.set("scope", "openid email profile");
  url.searchParams.set("state", flow.state);
  url.searchParams.set("nonce", flow.nonce);
  url.searchParams.set("code_challenge", codeChallenge(flow.verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { location: url.toString(), flowCookie: seal(JSON.stringify(flow), FLOW_CONTEXT, keyring()) };
}

/** Where a finished callback goes: signed in (a session, or the code step), or to the sign-in page to link the identity with the account's password. */
export type OidcOutcome = { kind: "signedIn"; result: SignInResult; next: string } | { kind: "link"; linkCookie: string; next: string };

/**
 * GET /api/v1/auth/oidc/callback: checks the state against the flow cookie (the sign-in started in
 * this browser), exchanges the code at the token endpoint (client secret, PKCE verifier), verifies
 * the ID token (lib/auth/oidc/idToken.ts) and signs in the account the provider's identity (issuer,
 * `sub`) is linked to — a session, or the two-factor step when the account has it on. Which account,
 * lib/auth/oidc/ssoOutcome.ts: an account found only by the verified email is not signed in; its
 * password links it first (a sealed pending link, then POST /api/v1/auth/login). A new account is
 * made now (provisionSsoUser, linked to the identity) when OIDC_ALLOWED_DOMAINS names the email's
 * domain or the email holds pending invitations (accepted then).
 */
export async function completeOidcSignIn(query: OidcCallbackQuery, flowCookie: string | undefined, client: ClientInfo, origin: string): Promise<OidcOutcome> {
  const settings = requireOidc();
  const flow = openFlow(flowCookie);
  if (!flow || query.state !== flow.state) throw new ApiError(400, "sso_state_mismatch", "this sign-in was not started in this browser, or took longer than 10 minutes: start again");
  const denied = query.error;
  if (denied) throw new ApiError(401, "sso_denied", `the provider refused the sign-in: ${(query.error_description ?? denied).slice(0, 200)}`);
  const code = query.code;
  if (!code) throw new ApiError(400, "sso_no_code", "the provider sent no authorization code");

  const provider = await providerMetadata(settings.issuer);
  const idToken = await exchangeCode(provider, settings, code, callbackUrl(origin), flow.verifier);
  const expected = { issuer: settings.issuer, clientId: settings.clientId, nonce: flow.nonce, nowSeconds: Math.floor(Date.now() / 1000) };
  const verify = (keys: JsonWebKey[]) => verifyIdToken(idToken, { ...expected, keys });
  let claims;
  try {
    claims = verify(await providerKeys(provider.jwks_uri));
  } catch (error) {
    if (!(error instanceof IdTokenError)) throw error;
    // A key not seen yet: the provider rotated its keys since they were cached. Otherwise: refused.
    if (!/no key/.test(error.message)) throw tokenRefused(error);
    try {
      claims = verify(await providerKeys(provider.jwks_uri, true));
    } catch (again) {
      throw again instanceof IdTokenError ? tokenRefused(again) : again;
    }
  }
  const identity: SsoSubject = { issuer: trimSlash(claims.iss), subject: claims.sub };
  const signIn = async (userId: string, next = flow.next): Promise<OidcOutcome> => ({ kind: "signedIn", result: await finishSignIn(userId, client), next });
  const link = (userId: string, email: string): OidcOutcome => ({ kind: "link", linkCookie: sealPendingLink({ userId, email, ...identity }, keyring()), next: flow.next });

  const outcome = ssoOutcome(await findSsoAccount(identity, verifiedEmail(claims), settings.provisioning));
  switch (outcome.kind) {
    case "signIn":
      await db().ssoIdentity.updateMany({ where: identity, data: { lastUsedAt: new Date() } });
      return signIn(outcome.userId);
    case "claim":
      return (await claimBackfilledIdentity(outcome.userId, outcome.identityId, identity)) ? signIn(outcome.userId) : link(outcome.userId, outcome.email);
    case "link":
      return link(outcome.userId, outcome.email);
    case "unverified":
      throw new ApiError(403, "sso_email_unverified", "the provider gave no verified email for this account");
    case "noAccount":
      throw new ApiError(403, "sso_no_account", `no Faultline account uses ${outcome.email}: ask an admin of your workspace to invite you`);
    case "provision": {
      const made = await provisionSsoUser(outcome.email, claims.name, settings.provisioning, identity);
      if (!made) {
        const account = await db().user.findUniqueOrThrow({ where: { email: outcome.email }, select: { id: true } });
        return link(account.id, outcome.email);
      }
      // Signed in from an invitation's page: it was accepted now, so the workspace it opens is next.
      return signIn(made.userId, flow.next.startsWith("/invite/") && made.invitedTo.length > 0 ? `/?ws=${made.invitedTo[0]}` : flow.next);
    }
  }
}

function tokenRefused(error: IdTokenError): ApiError {
  return new ApiError(401, "sso_token_invalid", `the provider's ID token was refused: ${error.message}`);
}

async function exchangeCode(provider: ProviderMetadata, settings: OidcSettings, code: string, redirectUri: string, verifier: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
  const methods = Array.isArray(provider.token_endpoint_auth_methods_supported) ? provider.token_endpoint_auth_methods_supported : ["client_secret_basic"];
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (!methods.includes("client_secret_basic") && methods.includes("client_secret_post")) {
    form.set("client_id", settings.clientId);
    form.set("client_secret", settings.clientSecret);
  } else {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString("base64")}`;
  }
  let res: Response;
  try {
    res = await fetch(provider.token_endpoint, { method: "POST", headers, body: form, redirect: "error", signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw providerError(`its token endpoint did not answer (${(error as Error).message})`);
  }
  const body = (await res.json().catch(() => null)) as { id_token?: unknown; error?: unknown; error_description?: unknown } | null;
  if (!res.ok || typeof body?.id_token !== "string") {
    const reason = typeof body?.error_description === "string" ? body.error_description : typeof body?.error === "string" ? body.error : `HTTP ${res.status}`;
    throw new ApiError(401, "sso_code_refused", `the provider did not take the authorization code: ${reason.slice(0, 200)}`);
  }
  return body.id_token;
}

function openFlow(cookie: string | undefined): Flow | null {
  if (!cookie) return null;
  try {
    const flow = JSON.parse(open(cookie, FLOW_CONTEXT, keyring())) as Flow;
    return flow.expiresAt > Date.now() ? flow : null;
  } catch {
    return null;
  }
}

/** Set-Cookie values for the flow cookie (path-bound to the callback, SameSite=Lax: it comes back on the provider's redirect). */
export function flowCookieHeader(value: string, secure: string): string {
  return `${FLOW_COOKIE}=${value}; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${FLOW_TTL_MS / 1000}${secure}`;
}

export function clearedFlowCookieHeader(secure: string): string {
  return `${FLOW_COOKIE}=; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
