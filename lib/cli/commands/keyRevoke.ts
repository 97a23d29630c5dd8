import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { findProjectRef } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuidv7";

export const keyRevoke: CliCommand = {
  name: "key:revoke",
  summary: "revoke an ingest key (by id or by the 8-character prefix shown in lists)",
  flags: {
    project: { description: "project id or DSN project id", required: true },
    key: { description: "key id or key prefix", required: true },
  },
  async run(flags) {
    const project = await findProjectRef(String(flags.project));
    const ref = String(flags.key);
    const candidates = await db().ingestKey.findMany({
      where: { projectId: project.id, revokedAt: null, ...(isUuid(ref) ? { id: ref } : { keyPrefix: ref.slice(0, 8) }) },
    });
    if (candidates.length === 0) throw new CliError(EXIT.notFound, `project "${project.name}" has no active key "${ref}"`);
    if (candidates.length > 1) throw new CliError(EXIT.conflict, `the prefix "${ref}" matches ${candidates.length} keys: give the key id`);
    const key = candidates[0];
    await db().$transaction([
      db().ingestKey.update({ where: { id: key.id }, data: { revokedAt: new Date(), keySealed: null } }),
      db().auditLog.create({
        data: auditRow({ workspaceId: project.workspaceId, actor: { type: "cli" }, action: "ingest_key.revoked", targetType: "ingest_key", targetId: key.id, before: { name: key.name, keyPrefix: key.keyPrefix } }),
      }),
    ]);
    return { lines: [`Revoked key "${key.name}" (${key.keyPrefix}…) of project "${project.name}".`], data: { id: key.id, projectId: project.id, keyPrefix: key.keyPrefix } };
  },
};
