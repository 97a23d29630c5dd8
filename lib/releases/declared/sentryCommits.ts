import { ApiError } from "@/lib/http/ApiError";
import { zodIssues } from "@/lib/http/zodIssues";
import { SetReleaseCommitsSchema, type SetReleaseCommitsInput } from "@/lib/releases/commits/releaseCommitSchemas";
import type { SentryGitCommit } from "@/lib/releases/declared/declaredReleaseSchemas";

/**
 * sentry-cli's commits (`id`, `message`, `author_name`/`author_email`, `timestamp`, `patch_set`
 * paths; newest first) as PUT /api/v1/projects/:id/releases/:version/commits takes them, checked by
 * the same schema — an invalid one is a 422 naming `commits[i]…` as sent.
 */
export function toReleaseCommits(commits: SentryGitCommit[]): SetReleaseCommitsInput {
  const parsed = SetReleaseCommitsSchema.safeParse({
    commits: commits.map((c) => ({
      sha: c.id,
      // git ends a message with a newline.
      message: (c.message ?? "").trimEnd(),
      ...((c.author_name || c.author_email) && { author: { ...(c.author_name && { name: c.author_name }), ...(c.author_email && { email: c.author_email }) } }),
      ...(c.timestamp && { timestamp: c.timestamp }),
      files: [...new Set(c.patch_set.map((p) => p.path))],
    })),
  });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((issue) => ({ ...issue, path: issue.path.replace(/\.sha$/, ".id").replace(/\.files(\[\d+\])?$/, ".patch_set") }));
    throw ApiError.validation("invalid commits", issues);
  }
  return parsed.data;
}
