import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail } from "@/lib/cli/resolveTargets";
import { db } from "@/lib/db/prisma";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";

export const userResetPassword: CliCommand = {
  name: "user:reset-password",
  summary: "print a one-time link to set a new password",
  flags: { email: { description: "the user's email", required: true } },
  async run(flags, ctx) {
    const user = await findUserByEmail(String(flags.email));
    const link = await createPasswordReset({ userId: user.id, createdById: null, origin: ctx.publicUrl });
    // A link that can take the account over: recorded in each of the user's workspaces, as an
    // admin's link for a member is (user.password_reset_link_created), done by the CLI.
    await db().$transaction((tx) => recordAccountEvent(tx, { userId: user.id, actor: { type: "cli" }, action: "user.password_reset_link_created", after: { email: user.email } }));
    return {
      lines: [`One-time password reset link for ${user.email} (valid until ${link.expiresAt}):`, `  ${link.url}`],
      data: { userId: user.id, email: user.email, ...link },
    };
  },
};
