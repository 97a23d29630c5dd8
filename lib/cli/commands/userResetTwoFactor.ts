import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail } from "@/lib/cli/resolveTargets";
import { resetTwoFactor } from "@/lib/twoFactor/resetTwoFactor";

export const userResetTwoFactor: CliCommand = {
  name: "user:reset-two-factor",
  summary: "turn a user's two-factor sign-in off (lost authenticator and recovery codes)",
  flags: { email: { description: "the user's email", required: true } },
  async run(flags) {
    const user = await findUserByEmail(String(flags.email));
    const wasOn = await resetTwoFactor(user.id);
    return {
      lines: [wasOn ? `Two-factor sign-in is off for ${user.email}: they sign in with their password and can set it up again.` : `${user.email} had no two-factor sign-in; nothing changed.`],
      data: { userId: user.id, email: user.email, wasOn },
    };
  },
};
