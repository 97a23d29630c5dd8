import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { findWorkspace } from "@/lib/cli/resolveTargets";
import { confirmationProblem } from "@/lib/workspaces/deletion/confirmationProblem";
import { markWorkspaceDeleting } from "@/lib/workspaces/deletion/markWorkspaceDeleting";
import { purgeWorkspace } from "@/lib/workspaces/deletion/purgeWorkspace";

export const workspaceDelete: CliCommand = {
  name: "workspace:delete",
  summary: "delete a workspace with its projects, issues, events, members and settings (its name typed again); waits until its rows are gone",
  flags: {
    workspace: { description: "workspace id or slug", required: true, positional: true },
    confirm: { description: "the workspace's name, exactly", required: true },
  },
  async run(flags) {
    // One whose deletion began (in the app, or a run of this command that was interrupted) is finished.
    const workspace = await findWorkspace(String(flags.workspace), { deleting: true });
    const problem = confirmationProblem(typeof flags.confirm === "string" ? flags.confirm : undefined, workspace.name);
    if (problem) throw new CliError(EXIT.usage, `--confirm: ${problem} ("${workspace.name}")`);
    // As DELETE /api/v1/workspaces/:id: unreachable at once (the app's instances drop their cached keys within seconds).
    const doomed = workspace.deletingAt ? null : await markWorkspaceDeleting(workspace.id);
    // Waits for a purge an app instance's project-deletion job may be running, then finds the rest (or nothing).
    const result = await purgeWorkspace(workspace.id, { wait: true });
    const deleted = Object.entries(result?.deleted ?? {}).filter(([, n]) => n > 0);
    return {
      lines: [
        `Deleted workspace "${workspace.name}" (id ${workspace.id}, slug ${workspace.slug})${doomed ? ` with ${doomed.projects.length} project(s); ${doomed.members} member(s) lost it` : " (its deletion had begun before)"}.`,
        deleted.length ? `  Deleted rows: ${deleted.map(([table, n]) => `${table} ${n}`).join(", ")}` : "  Deleted rows: none left to delete",
      ],
      data: { id: workspace.id, slug: workspace.slug, name: workspace.name, projects: result?.projects ?? 0, deleted: Object.fromEntries(deleted) },
    };
  },
};
