import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { RECOMMENDATION_KEYS } from "@/lib/investigation/runbook";

export const SetCheckSchema = z
  .object({
    key: z.string().refine((k) => RECOMMENDATION_KEYS.has(k), "not a recommendation of the runbook"),
    checked: z.boolean(),
  })
  .strict();
export type SetCheckInput = z.infer<typeof SetCheckSchema>;

/** Ticks or unticks one item of an issue's investigation checklist (members and admins). */
export async function setCheck(auth: AuthContext, errorId: string, input: SetCheckInput) {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const actorId = auth.kind === "user" ? auth.userId : null;
  if (input.checked) {
    await db().investigationCheck.upsert({
      where: { groupId_itemKey: { groupId: group.id, itemKey: input.key } },
      create: { groupId: group.id, itemKey: input.key, checkedById: actorId },
      update: {},
    });
  } else {
    await db().investigationCheck.deleteMany({ where: { groupId: group.id, itemKey: input.key } });
  }
  return { key: input.key, checked: input.checked };
}
