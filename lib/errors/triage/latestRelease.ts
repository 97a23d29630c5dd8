import { db } from "@/lib/db/prisma";

/** The release of an issue's most recent event that had one (per-issue tag rollup), or null. */
export async function latestReleaseOf(groupId: string): Promise<string | null> {
  const row = await db().errorGroupTag.findFirst({ where: { groupId, key: "release" }, orderBy: [{ lastSeen: "desc" }, { value: "desc" }], select: { value: true } });
  return row?.value ?? null;
}
