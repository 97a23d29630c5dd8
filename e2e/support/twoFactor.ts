import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL } from "@/e2e/support/tenant";
import { totpCode } from "@/lib/twoFactor/totp";

/** Turns two-factor sign-in on over HTTP for the signed-in `cookie`; the secret (to make codes) and the recovery codes. */
export async function enableTwoFactorOverHttp(cookie: string, password: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await api("POST", "/api/v1/account/two-factor/setup", cookie, { password });
  if (setup.status !== 200) throw new Error(`two-factor setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const enabled = await api("POST", "/api/v1/account/two-factor", cookie, { code: totpCode(setup.body.secret, Date.now()) });
  if (enabled.status !== 200) throw new Error(`two-factor enable: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
}

/**
 * A code the server takes now and has not seen: codes are one per 30 s and each works once, so the
 * account's replay marker is moved back first (as if the last code had been used a minute ago).
 */
export async function freshTotpCode(userId: string, secret: string): Promise<string> {
  await query(`UPDATE "TwoFactor" SET "lastUsedStep" = "lastUsedStep" - 4 WHERE "userId" = $1`, [userId]);
  return totpCode(secret, Date.now());
}

/** The cookies a response sets, by name (value only). */
export function setCookies(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(";")[0].split("=")).map(([k, ...v]) => [k, v.join("=")]));
}

/** POST /api/v1/auth/login from `address` (x-forwarded-for), so test files' failures count apart. */
export function signInFrom(email: string, password: string, address: string): Promise<Response> {
  return fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
}

/** POST /api/v1/auth/two-factor with the challenge cookie. */
export function submitCode(challenge: string | undefined, code: string, address: string): Promise<Response> {
  return fetch(`${BASE_URL}/api/v1/auth/two-factor`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, ...(challenge && { cookie: `faultline_2fa=${challenge}` }) },
    body: JSON.stringify({ code }),
  });
}
