import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { keptNote } from "@/lib/cli/keptNote";
import { findWorkspace, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { newProjectDto } from "@/lib/projects/addProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { createProject } from "@/lib/projects/createProject";
import { PLATFORMS, PlatformSchema, ProjectNameSchema } from "@/lib/projects/projectSchemas";
import { ApiError } from "@/lib/http/ApiError";

export const projectCreate: CliCommand = {
  name: "project:create",
  summary: "create a project with an ingest key; prints its DSN and key",
  flags: {
    workspace: { description: "workspace id or slug", required: true },
    name: { description: "project name", required: true },
    platform: { description: PLATFORMS.join(" | ") },
  },
  async run(flags, ctx) {
    const name = flagValue("name", ProjectNameSchema, flags.name);
    const platform = flags.platform === undefined ? undefined : flagValue("platform", PlatformSchema, flags.platform);
    const workspace = await findWorkspace(String(flags.workspace));
    try {
      const { project, key } = await db().$transaction(async (tx) => {
        const project = await createProject({ workspaceId: workspace.id, name, platform }, tx);
        const key = await createIngestKey({ projectId: project.id, name: "default" }, tx);
        await tx.auditLog.create({
          data: auditRow({ workspaceId: workspace.id, actor: { type: "cli" }, action: "project.created", targetType: "project", targetId: project.id, after: { name, platform: platform ?? null } }),
        });
        return { project, key };
      });
      const dto = newProjectDto(project, key, ctx.publicUrl);
      return {
        lines: [
          `Created project "${name}" in "${workspace.name}" (id ${project.id}, DSN project id ${project.publicId}).`,
          `  Ingest key: ${key.key}   ${keptNote(key.kept)}`,
          `  Sentry DSN: ${dto.dsn}`,
          `  Ingest URL: ${dto.ingestUrl}   (header X-Faultline-Key)`,
        ],
        data: dto,
      };
    } catch (error) {
      // createProject's 409: the workspace has a project of that name (any case).
      if (error instanceof ApiError && error.status === 409) throw new CliError(EXIT.conflict, `workspace "${workspace.name}" already has a project named "${name}"`);
      throw error;
    }
  },
};
