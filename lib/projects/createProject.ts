import { db } from "@/lib/db/prisma";
import type { Prisma, Project } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertProjectNameFree, lockProjectNames, newProjectSlug } from "@/lib/projects/projectNames";

/**
 * Inserts a project. Its name is unique in the workspace (409 naming `name`); its slug is made from
 * the name and unique in the workspace (`checkout`, then `checkout-2`; `project` for a name without
 * Latin letters), and stays when the project is renamed (sentry-cli and searches name it).
 */
export async function createProject(input: { workspaceId: string; name: string; platform?: string | null }, tx?: Prisma.TransactionClient): Promise<Project> {
  if (!tx) return db().$transaction((own) => createProject(input, own));
  await lockProjectNames(tx, input.workspaceId);
  await assertProjectNameFree(tx, input.workspaceId, input.name);
  const slug = await newProjectSlug(tx, input.workspaceId, input.name);
  return tx.project.create({
    data: { id: uuidv7(), workspaceId: input.workspaceId, name: input.name, slug, platform: input.platform ?? null },
  });
}
