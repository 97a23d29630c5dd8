import type { AuthContext } from "@/lib/auth/AuthContext";
import { findProject } from "@/lib/projects/findProject";

/** The project as the settings screen shows it; publicId is the DSN's numeric project id. */
export async function getProject(auth: AuthContext, projectId: string) {
  const project = await findProject(auth, projectId);
  return {
    id: project.id,
    publicId: project.publicId,
    workspaceId: project.workspaceId,
    name: project.name,
    slug: project.slug,
    allowedOrigins: project.allowedOrigins,
    rateLimitPerMinute: project.rateLimitPerMinute,
    createdAt: project.createdAt.toISOString(),
  };
}

export type ProjectInfo = Awaited<ReturnType<typeof getProject>>;
