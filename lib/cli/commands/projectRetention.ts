import { z } from "zod";
import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { findProjectRef, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { RetentionDaysSchema } from "@/lib/projects/projectSchemas";

const DaysSchema = z.coerce.number().pipe(RetentionDaysSchema);

export const projectRetention: CliCommand = {
  name: "project:retention",
  summary: "show a project's retention in days, or set it with --days (the retention job applies it)",
  flags: {
    project: { description: "project id or DSN project id", required: true },
    days: { description: "days to keep the project's events (1-3650)" },
  },
  async run(flags) {
    const project = await findProjectRef(String(flags.project));
    if (flags.days === undefined) {
      return {
        lines: [`Project "${project.name}" keeps its events for ${project.retentionDays} days.`],
        data: { projectId: project.id, name: project.name, retentionDays: project.retentionDays },
      };
    }
    const days = flagValue("days", DaysSchema, flags.days);
    if (days !== project.retentionDays) {
      await db().$transaction([
        db().project.update({ where: { id: project.id }, data: { retentionDays: days } }),
        db().auditLog.create({
          data: auditRow({
            workspaceId: project.workspaceId,
            actor: { type: "cli" },
            action: "project.updated",
            targetType: "project",
            targetId: project.id,
            before: { retentionDays: project.retentionDays },
            after: { retentionDays: days },
          }),
        }),
      ]);
    }
    return {
      lines: [`Project "${project.name}" now keeps its events for ${days} days (was ${project.retentionDays}); the retention job applies it on its next run.`],
      data: { projectId: project.id, name: project.name, retentionDays: days, previousRetentionDays: project.retentionDays },
    };
  },
};
