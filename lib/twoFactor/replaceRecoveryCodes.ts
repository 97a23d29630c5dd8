import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { newRecoveryCodes, recoveryCodeHash } from "@/lib/twoFactor/recoveryCodes";

/** A fresh set of recovery codes for the user (the old ones stop working); the plain codes, for showing once. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ id: uuidv7(), userId, codeHash: recoveryCodeHash(code) })) });
  return codes;
}
