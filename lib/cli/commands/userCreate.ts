import { randomBytes } from "node:crypto";
import { auditRow } from "@/lib/audit/auditRow";
import { hashPassword } from "@/lib/auth/password";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { findWorkspace, flagValue } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/createUser";
import { EmailSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";

export const userCreate: CliCommand = {
  name: "user:create",
  summary: "create a user (password generated when not given), optionally in a workspace",
  flags: {
    email: { description: "their email", required: true },
    name: { description: "their name", required: true },
    password: { description: "at least 8 characters; generated and printed once when omitted" },
    workspace: { description: "workspace id or slug to add them to" },
    role: { description: "viewer | member | admin (with --workspace; default member)" },
  },
  async run(flags) {
    const email = flagValue("email", EmailSchema, flags.email);
    const name = flagValue("name", PersonNameSchema, flags.name);
    const generated = flags.password === undefined;
    const password = generated ? randomBytes(12).toString("base64url") : flagValue("password", PasswordSchema, flags.password);
    const role = flagValue("role", RoleSchema, flags.role ?? "member");
    if (flags.role !== undefined && flags.workspace === undefined) throw new CliError(EXIT.usage, "--role needs --workspace");
    const workspace = typeof flags.workspace === "string" ? await findWorkspace(flags.workspace) : null;
    if (await db().user.findUnique({ where: { email } })) throw new CliError(EXIT.conflict, `a user with email ${email} already exists`);
    const passwordHash = await hashPassword(password);
    const user = await db().$transaction(async (tx) => {
      const user = await createUser({ email, name, passwordHash }, tx);
      if (workspace) {
        const membership = await tx.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role } });
        await tx.auditLog.create({
          data: auditRow({ workspaceId: workspace.id, actor: { type: "cli" }, action: "member.added", targetType: "membership", targetId: membership.id, after: { userId: user.id, email, role } }),
        });
      }
      return user;
    });
    return {
      lines: [
        `Created user ${email} (${user.id}).`,
        ...(generated ? [`  Password: ${password}   (shown once: pass it on safely)`] : []),
        ...(workspace ? [`  Added to workspace "${workspace.name}" as ${role}.`] : []),
      ],
      data: { id: user.id, email, name, ...(generated && { password }), ...(workspace && { workspaceId: workspace.id, role }) },
    };
  },
};
