-- A child event (`parentEventId`) is linked to its parent occurrence at ingest only when the parent
-- was stored earlier or in the same batch; a child whose service reported before its parent's keeps
-- just the id. The parent's event page lists such children too (lib/errors/events/getEvent.ts
-- causedBy): this index holds only them — partial, so the other events write nothing here. Building
-- it on an existing database holds writes to "ErrorOccurrence" meanwhile (seconds per million
-- occurrences; ingest waits, loses nothing).
CREATE INDEX "ErrorOccurrence_unlinked_child_idx" ON "ErrorOccurrence" ("projectId", "parentEventId") WHERE "parentEventId" IS NOT NULL AND "parentOccurrenceId" IS NULL;
