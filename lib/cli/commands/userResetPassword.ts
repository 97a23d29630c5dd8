import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail } from "@/lib/cli/resolveTargets";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";

export const userResetPassword: CliCommand = {
  name: "user:reset-password",
  summary: "print a one-time link to set a new password",
  flags: { email: { description: "the user's email", required: true } },
  async run(flags, ctx) {
    const user = await findUserByEmail(String(flags.email));
    const link = await createPasswordReset({ userId: user.id, createdById: null, origin: ctx.publicUrl });
    return {
      lines: [`One-time password reset link for ${user.email} (valid until ${link.expiresAt}):`, `  ${link.url}`],
      data: { userId: user.id, email: user.email, ...link },
    };
  },
};
