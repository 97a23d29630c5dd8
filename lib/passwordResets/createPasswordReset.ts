import { randomToken, sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { uuidv7 } from "@/lib/ids/uuidv7";

/**
 * A one-time link to set a new password, valid PASSWORD_RESET_TTL_HOURS. Earlier unused links of
 * the user stop working — only earlier emailed ones for an `emailed` link ("Forgot password?"): anyone
 * may ask for that email, and must not be able to void the link an admin or operator handed over.
 * Returns the link: it is shown or sent once (the database keeps the token's hash).
 */
export async function createPasswordReset(input: { userId: string; createdById: string | null; origin: string; emailed?: boolean }) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + env().PASSWORD_RESET_TTL_HOURS * 3_600_000);
  const emailed = input.emailed === true;
  await db().$transaction([
    db().passwordReset.updateMany({ where: { userId: input.userId, usedAt: null, ...(emailed && { emailed: true }) }, data: { expiresAt: new Date() } }),
    db().passwordReset.create({ data: { id: uuidv7(), userId: input.userId, tokenHash: sha256Hex(token), createdById: input.createdById, emailed, expiresAt } }),
  ]);
  return { url: `${input.origin.replace(/\/+$/, "")}/reset-password/${token}`, expiresAt: expiresAt.toISOString() };
}
