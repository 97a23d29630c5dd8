import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { assertNoEndUserFilter } from "@/lib/errors/events/assertNoEndUserFilter";
import { db } from "@/lib/db/prisma";
import { decodeEventCursor, encodeEventCursor } from "@/lib/errors/events/eventCursor";
import type { ListEventsQuery } from "@/lib/errors/events/eventSchemas";
import { occurrenceFilter } from "@/lib/errors/events/occurrenceFilter";
import { findVisibleError } from "@/lib/errors/findVisibleError";

/**
 * One page of an issue's events, newest first, by keyset on (occurredAt, id) over the
 * (groupId, occurredAt) index: page 1,000 costs what page 1 costs. `nextCursor` is null on the last page.
 * An ingest key gets each event's `userId` as null and may not filter by user (assertNoEndUserFilter).
 */
export async function listEvents(auth: AuthContext, errorId: string, query: ListEventsQuery) {
  assertNoEndUserFilter(auth, query);
  const group = await findVisibleError(auth, errorId);
  const where = occurrenceFilter(group.id, query);
  if (query.cursor) {
    const after = decodeEventCursor(query.cursor);
    // The plain bound lets the (groupId, occurredAt) index start at the cursor.
    where.occurredAt = { lte: after.occurredAt };
    where.OR = [{ occurredAt: { lt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { lt: after.id } }];
  }
  const rows = await db().errorOccurrence.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, eventId: true, occurredAt: true, message: true, severity: true, userId: true, environment: true, release: true, runId: true },
  });
  const page = rows.slice(0, query.limit);
  const endUsers = seesPeople(auth);
  const last = page.at(-1);
  return {
    items: page.map((o) => ({ ...o, userId: endUsers ? o.userId : null, occurredAt: o.occurredAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeEventCursor(last) : null,
  };
}

export type EventsPage = Awaited<ReturnType<typeof listEvents>>;
