import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { WorkspaceNameSchema } from "@/lib/workspaces/workspaceSchemas";

export const workspaceCreate: CliCommand = {
  name: "workspace:create",
  summary: "create a workspace, optionally with an existing user as its admin",
  flags: {
    name: { description: "workspace name", required: true },
    owner: { description: "email of an existing user who becomes its admin" },
  },
  async run(flags) {
    const name = flagValue("name", WorkspaceNameSchema, flags.name);
    const owner = typeof flags.owner === "string" ? await findUserByEmail(flags.owner) : null;
    const workspace = await createWorkspace({ name, ownerId: owner?.id });
    await db().auditLog.create({
      data: auditRow({ workspaceId: workspace.id, actor: { type: "cli" }, action: "workspace.created", targetType: "workspace", targetId: workspace.id, after: { name, owner: owner?.email ?? null } }),
    });
    return {
      lines: [`Created workspace "${name}" (id ${workspace.id}, slug ${workspace.slug})${owner ? ` with ${owner.email} as admin` : ""}.`],
      data: { id: workspace.id, slug: workspace.slug, name, ownerId: owner?.id ?? null },
    };
  },
};
