import { LoginSchema } from "@/lib/auth/loginSchema";
import { OidcCallbackQuerySchema, OidcStartQuerySchema } from "@/lib/auth/oidc/oidcSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { ForgotPasswordSchema } from "@/lib/passwordResets/passwordResetSchemas";
import { TwoFactorSignInSchema } from "@/lib/twoFactor/twoFactorSchemas";

export const authRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/auth/login", tag: "Account", auth: "none",
    summary: "Sign in; sets the HTTP-only session cookie", body: LoginSchema,
    description: "An account with two-factor sign-in answers `{twoFactorRequired: true, expiresAt}` and a short-lived challenge cookie instead; post a code to /api/v1/auth/two-factor within 5 minutes. With a pending single sign-on link (the `faultline_sso_link` cookie the callback sets) naming this account, the sign-in also links the provider identity (after the code, for two-factor accounts); a successful sign-in clears that cookie.",
    responses: { 200: "`{ok: true}` and the session cookie, or `{twoFactorRequired: true, expiresAt}` and the challenge cookie" }, errors: [401, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/auth/two-factor", tag: "Account", auth: "none",
    summary: "Second step of a sign-in: an authenticator or recovery code (challenge cookie); sets the session cookie", body: TwoFactorSignInSchema,
    description: "401 `invalid_code` (with `attemptsLeft`) for a wrong or already used code; after 5 wrong codes, or 5 minutes, 401 `sign_in_expired`: sign in with the password again. Codes count against the sign-in limits (429).",
    responses: { 200: "`{ok: true}` (and `recoveryCodesLeft` when a recovery code was used; `joined: {workspaceId, role}` — null when it could no longer be accepted — when the password was entered to accept an invitation) and Set-Cookie" }, errors: [401, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/auth/forgot-password", tag: "Account", auth: "none",
    summary: "\"Forgot password?\": email a one-time reset link to the account that uses this email, if any", body: ForgotPasswordSchema,
    description: "The answer is the same 202 whether or not an account uses the email (the link is made and sent after answering). The link is built on PUBLIC_URL, works once and for PASSWORD_RESET_TTL_HOURS, and replaces the account's earlier emailed link; using it is POST /api/v1/password-resets/{token}. 429 `too_many_reset_emails` with Retry-After and `limit` (`email` or `address`) past PASSWORD_RESET_EMAILS_PER_ACCOUNT per email or PASSWORD_RESET_EMAILS_PER_ADDRESS per client address in an hour. 503 `email_unavailable` when the server sends no email (SMTP_URL and PUBLIC_URL not both set): ask a workspace admin for a reset link.",
    responses: { 202: "`{ok: true}`" }, errors: [422, 429, 503],
  },
  {
    method: "GET", path: "/api/v1/auth/oidc/start", tag: "Account", auth: "none",
    summary: "Single sign-on: redirects the browser to the OpenID Connect provider (authorization code flow with PKCE)", query: OidcStartQuerySchema,
    description: "Configured with OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; 404 `sso_not_configured` otherwise. Failures redirect to `/login?sso_error=…`.",
    responses: { 302: "to the provider, with a 10-minute flow cookie" }, errors: [404, 422],
  },
  {
    method: "GET", path: "/api/v1/auth/oidc/callback", tag: "Account", auth: "none",
    summary: "Single sign-on: the provider's redirect back; signs in the account the provider identity (issuer, sub) is linked to", query: OidcCallbackQuerySchema,
    description: "Checks state (flow cookie), exchanges the code (client secret and PKCE verifier), verifies the ID token (signature by the provider's keys, issuer, audience, expiry, nonce). The account linked to the identity signs in; an account found only by the verified email is not signed in but asked for its password once (`/login?step=link-sso` with a sealed 10-minute `faultline_sso_link` cookie; POST /api/v1/auth/login links it). A new account, linked to the identity, is made at the first sign-in when the email holds pending invitations (accepted then, each with its role; from an invitation's page `next` becomes the workspace it opens) or OIDC_ALLOWED_DOMAINS names its domain. An account with two-factor sign-in continues at the code step.",
    responses: { 302: "to `next` with the session cookie, to `/login?step=two-factor` with the challenge cookie, to `/login?step=link-sso` with the pending link cookie, or to `/login?sso_error=…`" }, errors: [404],
  },
  {
    method: "POST", path: "/api/v1/auth/logout", tag: "Account", auth: "none",
    summary: "End the session and clear the cookie", responses: { 200: "`{ok: true}`" },
  },
  {
    method: "GET", path: "/api/v1/me", tag: "Account", auth: "session",
    summary: "The signed-in user, their workspaces with role, and projects", responses: { 200: "`{user: {id, email, name, timeZone, operator}, workspaces: [{id, name, slug, role, requireTwoFactor, twoFactorBlocked, projects}]}` (`operator`: the instance operator)" }, errors: [401],
  },
];
