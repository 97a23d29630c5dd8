import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { toAccountDto } from "@/lib/account/getAccount";
import type { UpdateAccountInput } from "@/lib/account/accountSchemas";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** PATCH /api/v1/account {name?, timeZone?} — changes the signed-in user's display name and time-zone preference. */
export async function updateAccount(auth: AuthContext, input: UpdateAccountInput) {
  assertUser(auth);
  const user = await db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: auth.userId } });
    const after = await tx.user.update({ where: { id: auth.userId }, data: { name: input.name, timeZone: input.timeZone } });
    if (input.name !== undefined && before.name !== input.name) {
      await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.renamed", before: { name: before.name }, after: { name: input.name } });
    }
    return after;
  });
  return toAccountDto(user);
}
