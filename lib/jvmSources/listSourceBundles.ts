import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";
import type { SourceBundleDto } from "@/lib/jvmSources/sourceBundleSchemas";

const MAX_LISTED = 500;

/** GET /api/v1/projects/:projectId/source-bundles — a project's JVM source bundles, newest first (never their content). */
export async function listSourceBundles(auth: AuthContext, projectId: string): Promise<{ items: SourceBundleDto[] }> {
  await findProject(auth, projectId);
  const rows = await db().sourceBundle.findMany({
    where: { projectId },
    select: { debugId: true, size: true, fileCount: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
