import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";

export async function createUser(input: { email: string; name: string; password: string }) {
  return db().user.create({
    data: {
      id: uuidv7(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
    },
  });
}
