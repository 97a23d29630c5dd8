import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/analytics/queryRows";
import { escapeLike } from "@/lib/text/escapeLike";

export const SearchValuesQuerySchema = z.object({
  /** Omitted: the tag keys in use. */
  key: z.string().trim().min(1).max(200).optional(),
  prefix: z.string().max(200).default(""),
});
export type SearchValuesQuery = z.infer<typeof SearchValuesQuerySchema>;

const SCAN_LIMIT = 5000;

/**
 * Suggestions for the search box: the tag keys used in a workspace, or the most frequent values of
 * one key starting with `prefix` (projects by slug; categories from the issues; environment,
 * release, user and tags from the per-issue tag rollup, read through its (workspaceId, key, value) index).
 */
export async function searchValues(auth: AuthContext, workspaceId: string, query: SearchValuesQuery) {
  assertCanViewWorkspace(auth, workspaceId);
  if (!query.key) {
    const keys = await queryRows<{ key: string }>(
      `WITH RECURSIVE k AS (
         (SELECT key FROM "ErrorGroupTag" WHERE "workspaceId" = $1 ORDER BY key LIMIT 1)
         UNION ALL
         SELECT (SELECT key FROM "ErrorGroupTag" WHERE "workspaceId" = $1 AND key > k.key ORDER BY key LIMIT 1) FROM k WHERE k.key IS NOT NULL
       )
       SELECT key FROM k WHERE key IS NOT NULL LIMIT 200`,
      [workspaceId],
    );
    return { keys: keys.map((k) => k.key), values: [] };
  }
  if (query.key === "project") {
    // The workspace's projects by slug (a handful: no counts, which would mean counting issues).
    const rows = await queryRows<{ value: string; count: number }>(
      `SELECT slug AS value, 0 AS count FROM "Project" WHERE "workspaceId" = $1 AND "deletingAt" IS NULL AND (slug ILIKE $2 || '%' OR name ILIKE $2 || '%') ORDER BY slug LIMIT 10`,
      [workspaceId, escapeLike(query.prefix)],
    );
    return { keys: [], values: rows };
  }
  if (query.key === "category") {
    const rows = await queryRows<{ value: string; count: number }>(
      `SELECT category AS value, count(*)::int AS count FROM "ErrorGroup" WHERE "workspaceId" = $1 AND category ILIKE $2 || '%' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
      [workspaceId, escapeLike(query.prefix)],
    );
    return { keys: [], values: rows };
  }
  // An issue's first release is one of the releases its events carry: the same suggestions.
  const key = query.key === "user.id" ? "user" : query.key === "firstRelease" ? "release" : query.key;
  const rows = await queryRows<{ value: string; count: number }>(
    `SELECT value, sum(count)::int AS count FROM (
       SELECT value, count FROM "ErrorGroupTag"
       WHERE "workspaceId" = $1 AND key = $2 AND value >= $3 AND ($3 = '' OR value < $3 || chr(1114111))
       ORDER BY value LIMIT ${SCAN_LIMIT}
     ) s GROUP BY value ORDER BY 2 DESC, 1 LIMIT 10`,
    [workspaceId, key, query.prefix],
  );
  return { keys: [], values: rows };
}

export type SearchValues = Awaited<ReturnType<typeof searchValues>>;

