import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail } from "@/lib/cli/resolveTargets";
import { setOperator } from "@/lib/users/setOperator";

export const userGrantOperator: CliCommand = {
  name: "user:grant-operator",
  summary: "make a user an instance operator (sees the whole database, disk, jobs and spool on Settings → Status)",
  flags: { email: { description: "the user's email", required: true } },
  async run(flags) {
    const user = await findUserByEmail(String(flags.email));
    const { wasOperator, operators } = await setOperator(user.id, true);
    return {
      lines: [wasOperator ? `${user.email} is already an instance operator; nothing changed.` : `${user.email} is now an instance operator (${operators} in all).`],
      data: { userId: user.id, email: user.email, operator: true, changed: !wasOperator, operators },
    };
  },
};
