import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";

/**
 * Refuses an invitation past INVITATIONS_PER_HOUR sent by this person in the last hour, in every
 * workspace together (replaced and withdrawn ones count: the link was made), with 429, Retry-After and
 * `limit: "inviter"`. Counted from the invitations themselves, in the transaction that creates one,
 * under a lock per inviter: two at once cannot both pass, and every app instance counts alike.
 *
 * An invitation's link tells whoever holds it whether its address has an account (the accept page asks
 * a new account's name, an existing one's password) — and anyone signed in can be an admin who
 * invites: the limit keeps that from being a fast way to learn which addresses have accounts.
 */
export async function assertUnderInvitationLimit(tx: Prisma.TransactionClient, inviterId: string): Promise<void> {
  const max = env().INVITATIONS_PER_HOUR;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitations:${inviterId}`}, 0))`;
  const [row] = await tx.$queryRaw<{ n: number; wait: number | null }[]>`
    WITH w AS (
      SELECT "createdAt" AS at FROM "Invitation" WHERE "invitedById" = ${inviterId}::uuid AND "createdAt" > now() - interval '1 hour'
    )
    SELECT (SELECT count(*)::int FROM w) AS n,
           (SELECT ceil(extract(epoch FROM (at + interval '1 hour' - now())))::int
              FROM w ORDER BY at ASC OFFSET greatest((SELECT count(*) FROM w) - ${max}, 0) LIMIT 1) AS wait`;
  if (row.n < max) return;
  const retryAfter = Math.max(1, row.wait ?? 1);
  throw new ApiError(
    429,
    "too_many_invitations",
    `you sent ${max} invitations in the last hour (INVITATIONS_PER_HOUR, counted per inviter): try again in ${retryAfter} s`,
    { limit: "inviter", max, retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}
