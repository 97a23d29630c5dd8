import { pool } from "@/lib/db/pool";
import { compareVersions, parseVersion } from "@/lib/errors/triage/compareReleases";

export interface SeenRelease {
  value: string;
  firstSeen: Date;
}

/**
 * The release an issue is "currently" in, the baseline of "resolved in the next release" (pure): the
 * highest version when the releases are versions of one package, else the release it saw
 * appear last (an old deploy still sending events does not make its release the latest).
 */
export function latestRelease(releases: SeenRelease[]): string | null {
  if (releases.length === 0) return null;
  const versions = releases.map((r) => ({ r, v: parseVersion(r.value) }));
  if (versions.every((x) => x.v && x.v.pkg === versions[0].v?.pkg)) {
    return versions.reduce((best, x) => (compareVersions(x.v!, best.v!) > 0 ? x : best)).r.value;
  }
  return releases.reduce((best, r) => (r.firstSeen.getTime() > best.firstSeen.getTime() ? r : best)).value;
}

const MAX_RELEASES = 1000;

/** Baselines for several issues at once, from the per-issue tag rollup (their newest 1,000 releases each). */
export async function latestReleasesOf(groupIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(groupIds.map((id) => [id, null]));
  if (groupIds.length === 0) return out;
  const { rows } = await pool().query<{ groupId: string; value: string; firstSeen: Date }>(
    `SELECT g.id AS "groupId", r.value, r."firstSeen" FROM unnest($1::uuid[]) AS g(id)
     CROSS JOIN LATERAL (SELECT value, "firstSeen" FROM "ErrorGroupTag" WHERE "groupId" = g.id AND key = 'release' ORDER BY "firstSeen" DESC LIMIT ${MAX_RELEASES}) r`,
    [groupIds],
  );
  const byGroup = new Map<string, SeenRelease[]>();
  for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), { value: row.value, firstSeen: row.firstSeen }]);
  for (const [id, releases] of byGroup) out.set(id, latestRelease(releases));
  return out;
}

export async function latestReleaseOf(groupId: string): Promise<string | null> {
  return (await latestReleasesOf([groupId])).get(groupId) ?? null;
}
