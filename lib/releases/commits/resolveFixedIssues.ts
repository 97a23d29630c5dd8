import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { updateError } from "@/lib/errors/updateError";
import { fixedIssueIds } from "@/lib/releases/commits/fixedIssueRefs";
import { commitTitle } from "@/lib/releases/commits/releaseCommitSchemas";

/** Issues one PUT may resolve at most (a release's messages naming more are not a fix list). */
const MAX_RESOLVED = 100;

/**
 * Resolves the project's issues that the release's newly sent commits say they fix ("Fixes <issue id
 * or address>"), as a person would with "resolve in the next release": an event of a newer release
 * than the issue's latest reopens it as a regression. The resolution names the commit and release;
 * the audit entry is the deploy step's (its token's user). Issues already resolved, or of another
 * project, are left alone. Returns the ids resolved.
 */
export async function resolveFixedIssues(auth: AuthContext, projectId: string, release: string, commits: readonly { sha: string; message: string }[]): Promise<string[]> {
  const fixedBy = new Map<string, { sha: string; title: string }>();
  for (const commit of commits) {
    for (const id of fixedIssueIds(commit.message)) if (!fixedBy.has(id)) fixedBy.set(id, { sha: commit.sha, title: commitTitle(commit.message) });
  }
  if (fixedBy.size === 0) return [];
  const open = await db().errorGroup.findMany({
    where: { id: { in: [...fixedBy.keys()].slice(0, MAX_RESOLVED) }, projectId, status: { not: "resolved" } },
    select: { id: true },
  });
  const resolved: string[] = [];
  for (const { id } of open) {
    const commit = fixedBy.get(id)!;
    const resolution = `Fixed by ${commit.sha.slice(0, 12)} in release ${release}: ${commit.title}`.slice(0, 2000);
    await updateError(auth, id, { status: "resolved", statusDetails: { inNextRelease: true }, resolution });
    resolved.push(id);
  }
  return resolved;
}
