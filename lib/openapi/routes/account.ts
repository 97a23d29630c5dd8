import { ChangePasswordSchema, SessionParamsSchema, UpdateAccountSchema } from "@/lib/account/accountSchemas";
import { ApiTokenParamsSchema, CreateApiTokenSchema } from "@/lib/apiTokens/apiTokenSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { CompletePasswordResetSchema, ResetTokenParamsSchema } from "@/lib/passwordResets/passwordResetSchemas";
import { ConfirmPasswordSchema, DisableTwoFactorSchema, EnableTwoFactorSchema } from "@/lib/twoFactor/twoFactorSchemas";

/** The signed-in user's own account, and password reset links (the link's token is the credential). */
export const accountRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/account", tag: "Account", auth: "session",
    summary: "Your profile", responses: { 200: "`{id, email, name, timeZone, createdAt, passwordChangedAt}` (timeZone: an IANA zone, `local` for each browser's own, or null for UTC)" }, errors: [401],
  },
  {
    method: "PATCH", path: "/api/v1/account", tag: "Account", auth: "session",
    summary: "Change your name or the time zone times are shown in", body: UpdateAccountSchema, responses: { 200: "the profile" }, errors: [401, 422],
  },
  {
    method: "POST", path: "/api/v1/account/password", tag: "Account", auth: "signedInSession",
    summary: "Change your password; your other sessions are signed out", body: ChangePasswordSchema,
    responses: { 200: "`{otherSessionsSignedOut}`" }, errors: [401, 403, 422, 429],
  },
  {
    method: "GET", path: "/api/v1/account/single-sign-on", tag: "Account", auth: "signedInSession",
    summary: "The single sign-on identities linked to your account (issuer, since, last used) and the provider's name",
    responses: { 200: "`{provider, identities: [{issuer, linkedAt, lastUsedAt}]}` (provider null when single sign-on is not configured)" }, errors: [401, 403],
  },
  {
    method: "DELETE", path: "/api/v1/account/single-sign-on", tag: "Account", auth: "signedInSession",
    summary: "Unlink single sign-on from your account; the next sign-in with the provider asks for the password once",
    responses: { 200: "`{unlinked}`" }, errors: [401, 403],
  },
  {
    method: "GET", path: "/api/v1/account/sessions", tag: "Account", auth: "signedInSession",
    summary: "Your sessions (client address, user agent, last seen), the current one marked", responses: { 200: "the sessions" }, errors: [401],
  },
  {
    method: "DELETE", path: "/api/v1/account/sessions", tag: "Account", auth: "signedInSession",
    summary: "Sign out all your other sessions", responses: { 200: "`{signedOut}`" }, errors: [401],
  },
  {
    method: "DELETE", path: "/api/v1/account/sessions/{sessionId}", tag: "Account", auth: "signedInSession",
    summary: "Sign out one of your sessions", params: SessionParamsSchema, responses: { 204: "signed out" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/account/two-factor", tag: "Account", auth: "signedInSession",
    summary: "Whether sign-in asks for an authenticator code", responses: { 200: "`{enabled, enabledAt, recoveryCodesLeft}`" }, errors: [401, 403],
  },
  {
    method: "POST", path: "/api/v1/account/two-factor/setup", tag: "Account", auth: "signedInSession",
    summary: "Start two-factor setup: a new authenticator secret and its `otpauth://` URI (QR code), shown once", body: ConfirmPasswordSchema,
    responses: { 200: "`{secret, otpauthUri}`" }, errors: [401, 403, 409, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/account/two-factor", tag: "Account", auth: "signedInSession",
    summary: "Confirm the setup with the app's first code: two-factor sign-in is on; the ten recovery codes are in this answer only", body: EnableTwoFactorSchema,
    responses: { 200: "`{enabled, enabledAt, recoveryCodes}`" }, errors: [401, 403, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/account/two-factor", tag: "Account", auth: "signedInSession",
    summary: "Turn two-factor sign-in off (your password and a code or recovery code)", body: DisableTwoFactorSchema,
    responses: { 200: "`{enabled: false}`" }, errors: [401, 403, 409, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/account/two-factor/recovery-codes", tag: "Account", auth: "signedInSession",
    summary: "Ten new recovery codes (in this answer only); the old ones stop working", body: ConfirmPasswordSchema,
    responses: { 200: "`{recoveryCodes}`" }, errors: [401, 403, 409, 422, 429],
  },
  {
    method: "GET", path: "/api/v1/account/tokens", tag: "Account", auth: "signedInSession",
    summary: "Your API tokens (name, 8-character prefix, scope, created, expires, last used; never the token)", responses: { 200: "`{items}`" }, errors: [401, 403],
  },
  {
    method: "POST", path: "/api/v1/account/tokens", tag: "Account", auth: "signedInSession",
    summary: "A new API token acting as you (`read` tokens only read); the `token` is in this answer only", body: CreateApiTokenSchema,
    responses: { 201: "the token's details and `token`" }, errors: [401, 403, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/account/tokens/{tokenId}", tag: "Account", auth: "signedInSession",
    summary: "Revoke one of your API tokens: it stops working at once", params: ApiTokenParamsSchema, responses: { 204: "revoked" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/password-resets/{token}", tag: "Account", auth: "none",
    summary: "The email whose password a reset link sets (410 as setting it would: used, expired, or `reset_revoked` once the admin who made it no longer administers every workspace of the person)", params: ResetTokenParamsSchema,
    responses: { 200: "`{email, expiresAt}`" }, errors: [404, 410, 422],
  },
  {
    method: "POST", path: "/api/v1/password-resets/{token}", tag: "Account", auth: "none",
    summary: "Set the new password: every other session is signed out, API tokens revoked, single sign-on unlinked, this one signed in (after the two-factor code, if the account has one)", params: ResetTokenParamsSchema, body: CompletePasswordResetSchema,
    responses: { 200: "`{ok: true}` and Set-Cookie, or `{twoFactorRequired: true, expiresAt}` and the challenge cookie" }, errors: [404, 410, 422],
  },
];
