import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { db } from "@/lib/db/prisma";
import { deleteTwoFactor } from "@/lib/twoFactor/deleteTwoFactor";

/**
 * The operator's way back in for a user who lost both their authenticator and their recovery codes
 * (`npm run faultline -- user:reset-two-factor`): two-factor sign-in off, recorded in the user's
 * workspaces as done by the CLI. Whether it was on.
 */
export async function resetTwoFactor(userId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const wasOn = await deleteTwoFactor(tx, userId);
    if (wasOn) await recordAccountEvent(tx, { userId, actor: { type: "cli" }, action: "user.two_factor_reset" });
    return wasOn;
  });
}
