import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";
import { toSourceMapDto } from "@/lib/sourcemaps/sourceMapDto";

const MAX_LISTED = 500;

/** GET /api/v1/projects/:projectId/sourcemaps — a project's source maps (of one release, when given), newest first. */
export async function listSourceMaps(auth: AuthContext, projectId: string, release?: string) {
  await findProject(auth, projectId);
  const rows = await db().sourceMap.findMany({
    where: { projectId, ...(release && { release }) },
    select: { id: true, release: true, url: true, debugId: true, size: true, sourceCount: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return { items: rows.map(toSourceMapDto) };
}

export type SourceMapList = Awaited<ReturnType<typeof listSourceMaps>>;
