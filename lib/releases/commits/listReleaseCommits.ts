import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";
import { previousReleaseHeads, type ReleaseHead } from "@/lib/releases/commits/previousReleaseHeads";
import { MAX_RELEASE_COMMITS, type ReleaseCommitDto } from "@/lib/releases/commits/releaseCommitSchemas";

/**
 * GET /api/v1/projects/:projectId/releases/:version/commits — the release's commits as sent, newest
 * first, and the other releases' newest commits (`previousHeads`, where `faultline-release --auto`
 * starts the range) (any member).
 */
export async function listReleaseCommits(
  auth: AuthContext,
  projectId: string,
  release: string,
): Promise<{ release: string; commits: ReleaseCommitDto[]; previousHeads: ReleaseHead[] }> {
  await findProject(auth, projectId);
  const [commits, previousHeads] = await Promise.all([releaseCommits(projectId, release), previousReleaseHeads(projectId, release)]);
  return { release, commits, previousHeads };
}

/** A release's stored commits in the order they were sent (an event's view reads them for its suspects). */
export async function releaseCommits(projectId: string, release: string): Promise<ReleaseCommitDto[]> {
  const rows = await db().releaseCommit.findMany({
    where: { projectId, release },
    orderBy: { position: "asc" },
    take: MAX_RELEASE_COMMITS,
    select: { sha: true, message: true, authorName: true, authorEmail: true, committedAt: true, files: true },
  });
  return rows.map((row) => ({ ...row, committedAt: row.committedAt?.toISOString() ?? null }));
}
