import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { slugify } from "@/lib/workspaces/slugify";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";

/**
 * Creates a workspace with the given user as its admin (no owner: an empty workspace, e.g. from the
 * CLI before anyone is added). Inside a transaction the caller runs ensureDefaultRules after commit.
 */
export async function createWorkspace(input: { name: string; ownerId?: string }, tx?: Prisma.TransactionClient) {
  const id = uuidv7();
  const workspace = await (tx ?? db()).workspace.create({
    data: {
      id,
      name: input.name,
      slug: `${slugify(input.name, "workspace")}-${id.slice(-6)}`,
      ...(input.ownerId && { memberships: { create: { userId: input.ownerId, role: "admin" } } }),
    },
  });
  if (!tx) await ensureDefaultRules(workspace.id);
  return workspace;
}
