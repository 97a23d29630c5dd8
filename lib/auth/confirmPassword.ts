import { beginLoginAttempt, loginFailed, loginSucceeded, throttleKeys } from "@/lib/auth/loginThrottle";
import { verifyPassword } from "@/lib/auth/password";
import type { ClientInfo } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A signed-in user confirms a sensitive change with their password (changing it, turning two-factor
 * sign-in on or off, new recovery codes). Checked under the sign-in limits, so a stolen session is
 * not a way to guess the password; a wrong one is 422 naming `field` (the message a sentence a form shows as is).
 */
export async function confirmPassword(user: { email: string; passwordHash: string }, password: string, client: ClientInfo, field: string): Promise<void> {
  const attempt = await beginLoginAttempt(throttleKeys(user.email, client.address));
  if (!(await verifyPassword(password, user.passwordHash))) {
    await loginFailed();
    throw ApiError.invalidField(field, "That is not your current password.");
  }
  await loginSucceeded(attempt);
}
