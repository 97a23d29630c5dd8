import { auditRow } from "@/lib/audit/auditRow";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail, findWorkspace, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { applyRoleChange } from "@/lib/memberships/applyRoleChange";
import { assertNotLastAdmin } from "@/lib/memberships/lockWorkspaceAdmins";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";

export const memberAdd: CliCommand = {
  name: "member:add",
  summary: "add an existing user to a workspace (or change their role there)",
  flags: {
    workspace: { description: "workspace id or slug", required: true },
    email: { description: "the user's email", required: true },
    role: { description: "viewer | member | admin", required: true },
  },
  async run(flags) {
    const role = flagValue("role", RoleSchema, flags.role);
    const workspace = await findWorkspace(String(flags.workspace));
    const user = await findUserByEmail(String(flags.email));
    const { membership, before } = await db().$transaction(async (tx) => {
      const before = await tx.membership.findUnique({ where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } } });
      if (before?.role === "admin" && role !== "admin") await assertNotLastAdmin(tx, workspace.id, user.id);
      const membership = await tx.membership.upsert({
        where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
        create: { userId: user.id, workspaceId: workspace.id, role },
        update: { role },
      });
      // What the change takes away, as PATCH /api/v1/memberships/:id does: a demoted admin's pending
      // invitations; a new viewer's issues and assignment rules.
      const taken = before ? await applyRoleChange(tx, { workspaceId: workspace.id, userId: user.id, from: before.role, to: role }, { type: "cli" }) : null;
      if (before?.role !== role) {
        await tx.auditLog.create({
          data: auditRow({
            workspaceId: workspace.id,
            actor: { type: "cli" },
            action: before ? "member.role_changed" : "member.added",
            targetType: "membership",
            targetId: membership.id,
            before: before && { userId: user.id, email: user.email, role: before.role },
            after: {
              userId: user.id,
              email: user.email,
              role,
              ...(taken?.invitationsRevoked ? { invitationsRevoked: taken.invitationsRevoked } : {}),
              ...(taken?.issuesUnassigned ? { issuesUnassigned: taken.issuesUnassigned } : {}),
              ...(taken?.rulesDisabled ? { rulesDisabled: taken.rulesDisabled } : {}),
            },
          }),
        });
      }
      return { membership, before };
    });
    const what = !before ? "Added" : before.role === role ? "Already" : "Changed";
    return {
      lines: [`${what} ${user.email} ${what === "Added" ? "to" : "in"} "${workspace.name}" as ${role}${before && before.role !== role ? ` (was ${before.role})` : ""}.`],
      data: { membershipId: membership.id, userId: user.id, workspaceId: workspace.id, role, previousRole: before?.role ?? null },
    };
  },
};
