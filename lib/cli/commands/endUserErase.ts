import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { findWorkspace } from "@/lib/cli/resolveTargets";
import { EraseEndUserSchema } from "@/lib/endUsers/endUserSchemas";
import { requestErasure } from "@/lib/endUsers/erasure/requestErasure";
import { runErasure } from "@/lib/endUsers/erasure/runErasure";
import { db } from "@/lib/db/prisma";

export const endUserErase: CliCommand = {
  name: "end-user:erase",
  summary: "erase an end user's data in a workspace (their events, feedback, files and per-user counts) by user id, email and/or IP address; waits until it is done",
  flags: {
    workspace: { description: "workspace id or slug", required: true, positional: true },
    "user-id": { description: "the user id their events carry (Sentry's user.id)" },
    email: { description: "their email address" },
    ip: { description: "their IP address" },
  },
  async run(flags) {
    const workspace = await findWorkspace(String(flags.workspace));
    const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
    const parsed = EraseEndUserSchema.safeParse({ userId: text("user-id"), email: text("email"), ipAddress: text("ip") });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const flag = { userId: "--user-id", email: "--email", ipAddress: "--ip" }[String(issue.path[0])] ?? "--user-id";
      throw new CliError(EXIT.usage, `${flag}: ${issue.message}`);
    }
    // As POST /api/v1/workspaces/:id/end-users/erase (audited as the admin CLI's), then run here at once;
    // an app instance's project-deletion job may have begun it: this waits for it, then finds it done.
    const erasure = await requestErasure(null, workspace.id, parsed.data);
    await runErasure(erasure.id, { wait: true });
    const done = await db().endUserErasure.findUnique({ where: { id: erasure.id }, select: { status: true, deleted: true } });
    if (done?.status !== "done") throw new CliError(EXIT.conflict, `the erasure ${erasure.id} did not finish: see the app's log (the project-deletion job tries again)`);
    const deleted = Object.entries((done.deleted ?? {}) as Record<string, number>).filter(([, n]) => n > 0);
    return {
      lines: [
        `Erased end user ${erasure.identifiers.map((i) => `${i.kind} sha256:${i.sha256.slice(0, 12)}…`).join(", ")} in workspace "${workspace.name}" (erasure ${erasure.id}).`,
        deleted.length ? `  Deleted or rewritten rows: ${deleted.map(([table, n]) => `${table} ${n}`).join(", ")}` : "  Nothing of them was found.",
      ],
      data: { id: erasure.id, workspaceId: workspace.id, identifiers: erasure.identifiers, deleted: Object.fromEntries(deleted) },
    };
  },
};
