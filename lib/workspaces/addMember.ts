import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";

export async function addMember(input: { workspaceId: string; userId: string; role: Role }) {
  return db().membership.upsert({
    where: { userId_workspaceId: { userId: input.userId, workspaceId: input.workspaceId } },
    create: input,
    update: { role: input.role },
  });
}
