import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { keptNote } from "@/lib/cli/keptNote";
import { findProjectRef, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { projectDsn } from "@/lib/projects/dsn";
import { CreateIngestKeySchema } from "@/lib/projects/projectSchemas";

export const keyCreate: CliCommand = {
  name: "key:create",
  summary: "create an ingest key for a project; prints the key and its DSN",
  flags: {
    project: { description: "project id or DSN project id", required: true },
    name: { description: "a label for the key (default: cli)" },
  },
  async run(flags, ctx) {
    const { name } = flagValue("name", CreateIngestKeySchema, { name: flags.name ?? "cli" });
    const project = await findProjectRef(String(flags.project));
    const key = await db().$transaction(async (tx) => {
      const key = await createIngestKey({ projectId: project.id, name }, tx);
      await tx.auditLog.create({
        data: auditRow({ workspaceId: project.workspaceId, actor: { type: "cli" }, action: "ingest_key.created", targetType: "ingest_key", targetId: key.id, after: { projectId: project.id, name, keyPrefix: key.keyPrefix } }),
      });
      return key;
    });
    const dsn = projectDsn(ctx.publicUrl, key.key, project.publicId);
    return {
      lines: [`Created key "${name}" (id ${key.id}) for project "${project.name}".`, `  Ingest key: ${key.key}   ${keptNote(key.kept)}`, `  Sentry DSN: ${dsn}`],
      data: { id: key.id, projectId: project.id, name, key: key.key, keyPrefix: key.keyPrefix, dsn },
    };
  },
};
