import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { slugify } from "@/lib/workspaces/slugify";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";

/** Creates a workspace with the given user as its admin. */
export async function createWorkspace(input: { name: string; ownerId: string }) {
  const id = uuidv7();
  const workspace = await db().workspace.create({
    data: {
      id,
      name: input.name,
      slug: `${slugify(input.name)}-${id.slice(-6)}`,
      memberships: { create: { userId: input.ownerId, role: "admin" } },
    },
  });
  await ensureDefaultRules(workspace.id);
  return workspace;
}
