import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";
import type { ProguardMappingDto } from "@/lib/proguard/proguardSchemas";

const MAX_LISTED = 500;

/** GET /api/v1/projects/:projectId/proguard — a project's mappings, newest first (never their content). */
export async function listProguardMappings(auth: AuthContext, projectId: string): Promise<{ items: ProguardMappingDto[] }> {
  await findProject(auth, projectId);
  const rows = await db().proguardMapping.findMany({
    where: { projectId },
    select: { uuid: true, size: true, classCount: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
