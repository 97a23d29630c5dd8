import { pruneAttempts, retryAfterSeconds } from "@/lib/auth/attemptLimit";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { sha256Hex } from "@/lib/auth/tokens";

/** The two counters a sign-in is limited by: the account (hashed email, known or not) and the client address. */
export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `account:${sha256Hex(email.trim().toLowerCase())}`, address: `address:${address}` };
}

export interface LoginAttempt {
  keys: ThrottleKeys;
  rowIds: { account: string; address: string };
}

/**
 * Counts an attempt BEFORE its password is checked (as a failure until it succeeds), so parallel
 * guesses cannot all slip under the limit. Over the limit on either key: the attempt is withdrawn
 * and refused with 429 and Retry-After (seconds until enough failures leave the window). Rows live
 * in PostgreSQL, so every app instance applies the same limit.
 */
export async function beginLoginAttempt(keys: ThrottleKeys): Promise<LoginAttempt> {
  const { LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES } = env();
  const rowIds = { account: uuidv7(), address: uuidv7() };
  await pool().query(`INSERT INTO "LoginFailure" (id, key, at) VALUES ($1, $2, now()), ($3, $4, now())`, [
    rowIds.account,
    keys.account,
    rowIds.address,
    keys.address,
  ]);
  const limits: [string, number, string][] = [
    [keys.account, LOGIN_MAX_FAILURES_PER_ACCOUNT, rowIds.account],
    [keys.address, LOGIN_MAX_FAILURES_PER_ADDRESS, rowIds.address],
  ];
  let retryAfter = 0;
  for (const [key, max, ownId] of limits) retryAfter = Math.max(retryAfter, await retryAfterSeconds(key, ownId, LOGIN_WINDOW_MINUTES, max));
  if (retryAfter > 0) {
    await pool().query(`DELETE FROM "LoginFailure" WHERE id = ANY($1::uuid[])`, [[rowIds.account, rowIds.address]]);
    throw new ApiError(429, "too_many_attempts", `too many failed sign-ins: try again in ${retryAfter} s`, { retryAfter }, {
      "Retry-After": String(retryAfter),
    });
  }
  return { keys, rowIds };
}

/**
 * A completed sign-in clears the account's failures (the address keeps its count, minus this attempt).
 * Only a sign-in that opened a session: a right password that leads to the two-factor code step
 * must not (withdrawLoginAttempt), or each round of password + wrong codes would start the account's
 * count afresh and codes could be guessed without limit.
 */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  await pool().query(`DELETE FROM "LoginFailure" WHERE key = $1 OR id = $2`, [attempt.keys.account, attempt.rowIds.address]);
}

/** A right password that is not yet a sign-in (the code step follows): this attempt is not a failure, the earlier ones stay. */
export async function withdrawLoginAttempt(attempt: LoginAttempt): Promise<void> {
  await pool().query(`DELETE FROM "LoginFailure" WHERE id = ANY($1::uuid[])`, [[attempt.rowIds.account, attempt.rowIds.address]]);
}

/** A failed one stays counted; rows older than the windows are pruned (attemptLimit). */
export async function loginFailed(): Promise<void> {
  await pruneAttempts();
}
