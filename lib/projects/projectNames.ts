import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";
import { escapeLike } from "@/lib/text/escapeLike";
import { firstFreeSlug, projectSlugBase } from "@/lib/projects/projectSlug";

/**
 * Serialises the changes to a workspace's project names and slugs (a project created, renamed or
 * given another slug) until the transaction ends, so the checks below see every other one committed:
 * two projects created at once with the same name get one 409, two with the same slug base `x` and `x-2`.
 */
export async function lockProjectNames(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`project-names:${workspaceId}`}, 0))`;
}

/** A project's name is unique in its workspace, ignoring case (the project pickers show names): 409 naming `name`. */
export async function assertProjectNameFree(tx: Prisma.TransactionClient, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.project.findFirst({
    // An insensitive equals is an ILIKE: "shop_web" must not clash with "shop-web".
    where: { workspaceId, name: { equals: escapeLike(name), mode: "insensitive" }, ...(exceptId && { NOT: { id: exceptId } }) },
    select: { name: true },
  });
  if (clash) throw new ApiError(409, "conflict", `this workspace already has a project named "${clash.name}"`, { field: "name" });
}

/** A slug no other project of the workspace has: 409 naming `slug`. */
export async function assertProjectSlugFree(tx: Prisma.TransactionClient, workspaceId: string, slug: string, exceptId: string): Promise<void> {
  const clash = await tx.project.findFirst({ where: { workspaceId, slug, NOT: { id: exceptId } }, select: { name: true } });
  if (clash) throw new ApiError(409, "conflict", `the project "${clash.name}" of this workspace already has the slug "${slug}"`, { field: "slug" });
}

/** A new project's slug: its name's (projectSlugBase), suffixed -2, -3, … when the workspace has it already. */
export async function newProjectSlug(tx: Prisma.TransactionClient, workspaceId: string, name: string): Promise<string> {
  const base = projectSlugBase(name);
  const similar = await tx.project.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(similar.map((p) => p.slug)));
}
