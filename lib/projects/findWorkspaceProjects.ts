import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/**
 * Projects of a workspace by slug, id or DSN project id — what sentry-cli's `--project` may say —
 * in the order named; 404 naming `projects[i]` for one the workspace does not have.
 */
export async function findWorkspaceProjects(workspaceId: string, refs: string[]): Promise<{ id: string; slug: string }[]> {
  return Promise.all(
    refs.map(async (ref, i) => {
      const or = [{ slug: ref }, ...(isUuid(ref) ? [{ id: ref }] : []), ...(/^\d{1,9}$/.test(ref) ? [{ publicId: Number(ref) }] : [])];
      const project = await db().project.findFirst({ where: { workspaceId, deletingAt: null, OR: or }, select: { id: true, slug: true } });
      if (!project) throw new ApiError(404, "not_found", `project "${ref}" not found in this organization`, { field: `projects[${i}]` });
      return project;
    }),
  );
}
