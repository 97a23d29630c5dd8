import type { AuthContext } from "@/lib/auth/AuthContext";
import type { Project } from "@/lib/generated/prisma/client";
import { findProject } from "@/lib/projects/findProject";
import { readCodeMappings } from "@/lib/projects/codeMappings/codeMappingSchema";

/** The project as the settings screen shows it; publicId is the DSN's numeric project id. */
export async function getProject(auth: AuthContext, projectId: string) {
  return toProjectDto(await findProject(auth, projectId));
}

export function toProjectDto(project: Project) {
  return {
    id: project.id,
    publicId: project.publicId,
    workspaceId: project.workspaceId,
    name: project.name,
    slug: project.slug,
    platform: project.platform,
    allowedOrigins: project.allowedOrigins,
    rateLimitPerMinute: project.rateLimitPerMinute,
    retentionDays: project.retentionDays,
    quotaPerMinute: project.quotaPerMinute,
    quotaPerDay: project.quotaPerDay,
    spikeProtection: project.spikeProtection,
    maxEventsPerIssue: project.maxEventsPerIssue,
    sensitiveFields: project.sensitiveFields,
    codeMappings: readCodeMappings(project.codeMappings),
    createdAt: project.createdAt.toISOString(),
  };
}

export type ProjectInfo = ReturnType<typeof toProjectDto>;
