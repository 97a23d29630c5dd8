import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { db } from "@/lib/db/prisma";

/**
 * Grants or revokes the instance operator (`User.operator`) from the admin CLI, recorded in the
 * user's workspaces as done by the CLI when it changed. Whether it was set before, and how many
 * operators the instance has now.
 */
export async function setOperator(userId: string, operator: boolean): Promise<{ wasOperator: boolean; operators: number }> {
  return db().$transaction(async (tx) => {
    const { operator: wasOperator } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { operator: true } });
    if (wasOperator !== operator) {
      await tx.user.update({ where: { id: userId }, data: { operator } });
      await recordAccountEvent(tx, { userId, actor: { type: "cli" }, action: operator ? "user.operator_granted" : "user.operator_revoked" });
    }
    return { wasOperator, operators: await tx.user.count({ where: { operator: true } }) };
  });
}
