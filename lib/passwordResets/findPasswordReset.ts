import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** The reset a link's token opens: 404 when unknown, 410 when used or expired. */
export async function findPasswordReset(token: string) {
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: { select: { id: true, email: true } } } });
  if (!reset) throw ApiError.notFound("password reset link not found");
  if (reset.usedAt) throw new ApiError(410, "reset_used", "this reset link has already been used");
  if (reset.expiresAt.getTime() <= Date.now()) throw new ApiError(410, "reset_expired", "this reset link has expired: ask for a new one");
  return reset;
}

/** GET /api/v1/password-resets/:token — whose password the link resets (anyone holding the link). */
export async function describePasswordReset(token: string) {
  const reset = await findPasswordReset(token);
  return { email: reset.user.email, expiresAt: reset.expiresAt.toISOString() };
}
