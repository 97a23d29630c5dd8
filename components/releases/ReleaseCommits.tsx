import { formatDistanceToNow } from "date-fns";
import { Card } from "@/components/ui/Card";
import type { ReleasePageCommit } from "@/lib/releases/commits/workspaceReleaseCommits";

/**
 * The commits deploy steps sent for the release (faultline-release commits / PUT …/commits), each
 * project's newest first; without any, how to send them (suspect commits on the issue page need them).
 */
export function ReleaseCommits({ version, commits }: { version: string; commits: { total: number; items: ReleasePageCommit[] } }) {
  const projects = new Set(commits.items.map((c) => c.projectId));
  return (
    <Card
      title={commits.total > 0 ? `Commits (${commits.total})` : "Commits"}
      titleId="release-commits-title"
      bodyClassName={commits.items.length > 0 ? "p-0" : "p-4 sm:p-6"}
      actions={commits.total > commits.items.length ? <span className="text-xs text-gray-500 dark:text-gray-400">the first {commits.items.length}</span> : undefined}
    >
      {commits.items.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-300" data-testid="release-commits-empty">
          No commits were sent for this release. From the deploy step, <code className="break-all font-mono text-xs">npx faultline-release commits {version} --auto</code>{" "}
          sends them, and the issue page then names the commits that changed the files in an error&apos;s stack.
        </p>
      ) : (
        <ul className="divide-y divide-gray-100 dark:divide-gray-800" data-testid="release-commits">
          {commits.items.map((commit) => (
            <li key={`${commit.projectId}-${commit.sha}`} data-testid="release-commit" className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2 text-sm sm:px-6">
              <span className="font-mono text-xs text-gray-600 dark:text-gray-400">{commit.sha.slice(0, 7)}</span>
              <span className="min-w-0 flex-1 break-words text-gray-900 dark:text-gray-100">{commit.title || "(no message)"}</span>
              <span className="text-xs text-gray-500 dark:text-gray-400">
                {[commit.authorName, commit.committedAt && formatDistanceToNow(new Date(commit.committedAt), { addSuffix: true }), `${commit.files} ${commit.files === 1 ? "file" : "files"}`, projects.size > 1 && commit.projectName]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
