import { pruneAttempts, RESET_EMAIL_WINDOW_MINUTES, retryAfterSeconds } from "@/lib/auth/attemptLimit";
import { sha256Hex } from "@/lib/auth/tokens";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** The counters of "Forgot password?" emails: the email asked for (hashed, account or not) and the client address. */
export function resetEmailKeys(email: string, address: string): { account: string; address: string } {
  return { account: `reset-email:account:${sha256Hex(email.trim().toLowerCase())}`, address: `reset-email:address:${address}` };
}

/**
 * Counts a request for a reset email before anything is looked up, the same whether the email has an
 * account or not (so the limit tells nothing about accounts): PASSWORD_RESET_EMAILS_PER_ACCOUNT per
 * email and PASSWORD_RESET_EMAILS_PER_ADDRESS per client address in an hour. Over either: the request
 * is not counted and is refused with 429, Retry-After and `limit` naming the counter ("email" or
 * "address"). Rows live in "LoginFailure" beside the sign-in limit's, in PostgreSQL, so every app
 * instance applies the same limit.
 */
export async function countResetEmailRequest(email: string, address: string): Promise<void> {
  const { PASSWORD_RESET_EMAILS_PER_ACCOUNT, PASSWORD_RESET_EMAILS_PER_ADDRESS } = env();
  const keys = resetEmailKeys(email, address);
  const ids = { account: uuidv7(), address: uuidv7() };
  await pool().query(`INSERT INTO "LoginFailure" (id, key, at) VALUES ($1, $2, now()), ($3, $4, now())`, [ids.account, keys.account, ids.address, keys.address]);
  const waits = {
    email: await retryAfterSeconds(keys.account, ids.account, RESET_EMAIL_WINDOW_MINUTES, PASSWORD_RESET_EMAILS_PER_ACCOUNT),
    address: await retryAfterSeconds(keys.address, ids.address, RESET_EMAIL_WINDOW_MINUTES, PASSWORD_RESET_EMAILS_PER_ADDRESS),
  };
  const retryAfter = Math.max(waits.email, waits.address);
  if (retryAfter > 0) {
    await pool().query(`DELETE FROM "LoginFailure" WHERE id = ANY($1::uuid[])`, [[ids.account, ids.address]]);
    const limit = waits.email >= waits.address ? "email" : "address";
    const max = limit === "email" ? PASSWORD_RESET_EMAILS_PER_ACCOUNT : PASSWORD_RESET_EMAILS_PER_ADDRESS;
    throw new ApiError(
      429,
      "too_many_reset_emails",
      `too many password reset emails asked for ${limit === "email" ? "this email" : "from this address"} (${max} an hour): try again in ${retryAfter} s`,
      { limit, max, retryAfter },
      { "Retry-After": String(retryAfter) },
    );
  }
  await pruneAttempts();
}
