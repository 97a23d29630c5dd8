import { LoginSchema } from "@/lib/auth/loginSchema";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { TwoFactorSignInSchema } from "@/lib/twoFactor/twoFactorSchemas";

export const authRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/auth/login", tag: "Account", auth: "none",
    summary: "Sign in; sets the HTTP-only session cookie", body: LoginSchema,
    description: "An account with two-factor sign-in answers `{twoFactorRequired: true, expiresAt}` and a short-lived challenge cookie instead; post a code to /api/v1/auth/two-factor within 5 minutes.",
    responses: { 200: "`{ok: true}` and the session cookie, or `{twoFactorRequired: true, expiresAt}` and the challenge cookie" }, errors: [401, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/auth/two-factor", tag: "Account", auth: "none",
    summary: "Second step of a sign-in: an authenticator or recovery code (challenge cookie); sets the session cookie", body: TwoFactorSignInSchema,
    description: "401 `invalid_code` (with `attemptsLeft`) for a wrong or already used code; after 5 wrong codes, or 5 minutes, 401 `sign_in_expired`: sign in with the password again. Codes count against the sign-in limits (429).",
    responses: { 200: "`{ok: true}` (and `recoveryCodesLeft` when a recovery code was used) and Set-Cookie" }, errors: [401, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/auth/logout", tag: "Account", auth: "none",
    summary: "End the session and clear the cookie", responses: { 200: "`{ok: true}`" },
  },
  {
    method: "GET", path: "/api/v1/me", tag: "Account", auth: "session",
    summary: "The signed-in user, their workspaces with role, and projects", responses: { 200: "the user" }, errors: [401],
  },
];
