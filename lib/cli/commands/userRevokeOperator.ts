import type { CliCommand } from "@/lib/cli/cliCommand";
import { findUserByEmail } from "@/lib/cli/resolveTargets";
import { setOperator } from "@/lib/users/setOperator";

export const userRevokeOperator: CliCommand = {
  name: "user:revoke-operator",
  summary: "take the instance operator away from a user (workspace roles stay)",
  flags: { email: { description: "the user's email", required: true } },
  async run(flags) {
    const user = await findUserByEmail(String(flags.email));
    const { wasOperator, operators } = await setOperator(user.id, false);
    const left = operators === 0 ? " No instance operator is left: grant one with user:grant-operator." : ` ${operators} left.`;
    return {
      lines: [wasOperator ? `${user.email} is no longer an instance operator.${left}` : `${user.email} was not an instance operator; nothing changed.`],
      data: { userId: user.id, email: user.email, operator: false, changed: wasOperator, operators },
    };
  },
};
