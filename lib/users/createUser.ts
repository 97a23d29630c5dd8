import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** `operator`: the instance operator (the first-run setup's account and the demo admin); false unless given. */
type NewUser = { email: string; name: string; operator?: boolean } & ({ password: string } | { passwordHash: string });

/**
 * Inserts a user (email lower-cased). Pass `passwordHash` when it was computed beforehand, e.g.
 * outside a transaction (hashing takes a few hundred milliseconds by design).
 */
export async function createUser(input: NewUser, tx: Prisma.TransactionClient = db()) {
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  return tx.user.create({
    data: { id: uuidv7(), email: input.email.trim().toLowerCase(), name: input.name, passwordHash, operator: input.operator ?? false },
  });
}
