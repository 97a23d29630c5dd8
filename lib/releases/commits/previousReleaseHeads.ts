import { db } from "@/lib/db/prisma";

/** How many other releases' newest commits the commits list offers for `faultline-release --auto`. */
export const PREVIOUS_HEADS = 10;

/** Another release's newest commit: where a deploy step's `git log` range may start. */
export interface ReleaseHead {
  release: string;
  sha: string;
  committedAt: string | null;
}

/**
 * The newest commit of each of the project's other releases with commits, the latest committed
 * first (≤ 10). A deploy step takes the first one its HEAD descends from as the start of the new
 * release's range (`<sha>..HEAD`): a release of another branch, or one deployed after this one on a
 * re-run, is not an ancestor and is passed over on the client, which alone has the history.
 */
export async function previousReleaseHeads(projectId: string, release: string): Promise<ReleaseHead[]> {
  const rows = await db().releaseCommit.findMany({
    where: { projectId, position: 0, release: { not: release } },
    orderBy: [{ committedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: PREVIOUS_HEADS,
    select: { release: true, sha: true, committedAt: true },
  });
  return rows.map((row) => ({ ...row, committedAt: row.committedAt?.toISOString() ?? null }));
}
