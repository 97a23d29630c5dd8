import type { CliCommand } from "@/lib/cli/cliCommand";
import { endUserErase } from "@/lib/cli/commands/endUserErase";
import { keyCreate } from "@/lib/cli/commands/keyCreate";
import { keyRevoke } from "@/lib/cli/commands/keyRevoke";
import { memberAdd } from "@/lib/cli/commands/memberAdd";
import { projectCreate } from "@/lib/cli/commands/projectCreate";
import { projectRetention } from "@/lib/cli/commands/projectRetention";
import { retentionRun } from "@/lib/cli/commands/retentionRun";
import { userCreate } from "@/lib/cli/commands/userCreate";
import { userGrantOperator } from "@/lib/cli/commands/userGrantOperator";
import { userResetPassword } from "@/lib/cli/commands/userResetPassword";
import { userResetTwoFactor } from "@/lib/cli/commands/userResetTwoFactor";
import { userRevokeOperator } from "@/lib/cli/commands/userRevokeOperator";
import { workspaceCreate } from "@/lib/cli/commands/workspaceCreate";
import { workspaceDelete } from "@/lib/cli/commands/workspaceDelete";

/** Every command of `npm run faultline`, in the order `help` lists them. */
export const CLI_COMMANDS: CliCommand[] = [userCreate, userResetPassword, userResetTwoFactor, userGrantOperator, userRevokeOperator, workspaceCreate, workspaceDelete, projectCreate, projectRetention, memberAdd, keyCreate, keyRevoke, retentionRun, endUserErase];
