import { pool, retryOnDeadlock, withTransaction } from "@/lib/db/pool";
import { erasedUserIds, identifierPattern, type EndUserIdentifiers } from "@/lib/endUsers/erasureTerms";
import { createPurgedEvents, deleteEventCompanions, subtractEventShares, takeOccurrences } from "@/lib/errors/deletion/eventShares";
import { subtractIssueShares, type PurgedTag } from "@/lib/errors/deletion/issueShares";
import { groupingLockKey } from "@/lib/grouping/store/resolveGroups";
import { eventTags } from "@/lib/ingest/eventTags";

/** Events per batch: each is read whole (its tags are computed from its metadata) and deleted in one transaction. */
export const ERASE_BATCH = 500;

export interface ErasureScope {
  workspaceId: string;
  /** The workspace's projects that are not being deleted (a project's deletion takes its own events). */
  projectIds: string[];
  ids: EndUserIdentifiers;
}

export interface ErasedBatch {
  /** Matching events found (fewer than ERASE_BATCH: the range has no more). */
  found: number;
  /** Rows deleted per table. */
  deleted: Record<string, number>;
  /** Issues the batch left without any event: the caller deletes them. */
  emptied: { id: string; workspaceId: string; projectId: string }[];
}

/**
 * The condition on an occurrence `o` that makes it one of the end user's events, with its values
 * numbered from `first`: its user id is one of theirs (the id given exactly; the email or the IP
 * address, which Sentry events without `user.id` are counted under, ignoring case), or its text — the
 * message, stack, exception chain, tags and metadata (a Sentry event's user, request, breadcrumbs,
 * extra) — names their email or IP address (lib/endUsers/erasureTerms.ts).
 */
export function endUserEventSql(ids: EndUserIdentifiers, first: number): { sql: string; values: unknown[] } {
  const { exact, lower } = erasedUserIds(ids);
  const pattern = identifierPattern(ids);
  const values: unknown[] = [];
  const terms: string[] = [];
  if (exact.length) terms.push(`o."userId" = ANY($${first + values.push(exact) - 1}::text[])`);
  if (lower.length) terms.push(`lower(o."userId") = ANY($${first + values.push(lower) - 1}::text[])`);
  if (pattern) {
    terms.push(
      `concat_ws(' ', o.message, o."stackTrace", o.exceptions::text, o.tags::text, o.metadata::text) ~* $${first + values.push(pattern) - 1}`,
    );
  }
  return { sql: `(${terms.join(" OR ")})`, values };
}

/**
 * One batch of the end user's events that occurred in [from, to): read (with what their tags are
 * computed from), then in one transaction — holding the grouping lock of their projects shared, so
 * no merge moves them meanwhile — deleted with what they counted everywhere: per user, agent,
 * recovery outcome and release (lib/errors/deletion/eventShares.ts), on their issues and the
 * per-project totals (lib/errors/deletion/issueShares.ts), and what is kept per event id. Events of
 * an issue being deleted are left to that deletion.
 */
export async function eraseEventBatch(scope: ErasureScope, from: Date, to: Date): Promise<ErasedBatch> {
  const match = endUserEventSql(scope.ids, 5);
  const { rows: found } = await pool().query<{
    id: string;
    occurredAt: Date;
    projectId: string;
    eventId: string;
    environment: string | null;
    release: string | null;
    userId: string | null;
    tags: unknown;
    metadata: unknown;
  }>(
    `SELECT o.id, o."occurredAt", o."projectId", o."eventId", o.environment, o.release, o."userId", o.tags, o.metadata
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."workspaceId" = $1::uuid AND o."projectId" = ANY($2::uuid[]) AND o."occurredAt" >= $3 AND o."occurredAt" < $4
       AND g."deletingAt" IS NULL AND ${match.sql}
     LIMIT ${ERASE_BATCH}`,
    [scope.workspaceId, scope.projectIds, from, to, ...match.values],
  );
  if (found.length === 0) return { found: 0, deleted: {}, emptied: [] };
  const tags: PurgedTag[] = found.flatMap((o) => eventTags(o).map(([key, value]) => ({ projectId: o.projectId, eventId: o.eventId, key, value })));
  const projects = [...new Set(found.map((o) => o.projectId))].sort();
  const picked = JSON.stringify(found.map((o) => ({ id: o.id, at: o.occurredAt.toISOString() })));

  return retryOnDeadlock(() =>
    withTransaction(async (client) => {
      for (const projectId of projects) await client.query(`SELECT pg_advisory_xact_lock_shared($1)`, [groupingLockKey(projectId)]);
      await createPurgedEvents(client);
      const taken = await takeOccurrences(
        client,
        `SELECT o.id, o."occurredAt" FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
         WHERE (o.id, o."occurredAt") IN (SELECT x.id, x.at FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, at timestamptz)) AND g."deletingAt" IS NULL`,
        [picked],
      );
      const deleted: Record<string, number> = taken ? { ErrorOccurrence: taken } : {};
      if (taken === 0) return { found: found.length, deleted, emptied: [] };
      await subtractEventShares(client);
      const issues = await subtractIssueShares(client, tags);
      for (const [table, n] of Object.entries(await deleteEventCompanions(client))) deleted[table] = (deleted[table] ?? 0) + n;
      return { found: found.length, deleted, emptied: issues.filter((i) => i.occurrences <= 0).map(({ id, workspaceId, projectId }) => ({ id, workspaceId, projectId })) };
    }),
  );
}
