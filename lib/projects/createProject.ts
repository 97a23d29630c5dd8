import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { slugify } from "@/lib/workspaces/slugify";

/** Inserts a project; its slug is unique per workspace (a second project of the same name is a P2002 conflict). */
export async function createProject(input: { workspaceId: string; name: string; platform?: string | null }, tx: Prisma.TransactionClient = db()) {
  return tx.project.create({
    data: { id: uuidv7(), workspaceId: input.workspaceId, name: input.name, slug: slugify(input.name), platform: input.platform ?? null },
  });
}
