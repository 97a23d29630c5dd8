import type { Prisma } from "@/lib/generated/prisma/client";

/** Two-factor sign-in off for a user: the secret, the recovery codes and any sign-in waiting for a code go. Whether there was one. */
export async function deleteTwoFactor(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const { count } = await tx.twoFactor.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.signInChallenge.deleteMany({ where: { userId } });
  return count > 0;
}
