-- Every stored event wrote an entry into each index of "ErrorOccurrence", including four whose
-- column most events leave empty: the run (native clients only), the parent occurrence (cascades),
-- the agent (native clients only) and the user. Every query that uses them looks up a value
-- (`= x`, `= ANY(…)`), never NULL, so each becomes partial: an event without that field writes
-- nothing there. A Sentry SDK event without a user now writes 5 index entries instead of 9.
-- Building them on an existing database holds writes to "ErrorOccurrence" meanwhile (seconds per
-- million occurrences; ingest waits, loses nothing).
DROP INDEX IF EXISTS "ErrorOccurrence_runId_occurredAt_idx";
DROP INDEX IF EXISTS "ErrorOccurrence_parentOccurrenceId_idx";
DROP INDEX IF EXISTS "ErrorOccurrence_workspaceId_agentId_occurredAt_groupId_idx";
DROP INDEX IF EXISTS "ErrorOccurrence_workspaceId_userId_occurredAt_groupId_idx";

CREATE INDEX "ErrorOccurrence_run_idx" ON "ErrorOccurrence" ("runId", "occurredAt") WHERE "runId" IS NOT NULL;
CREATE INDEX "ErrorOccurrence_parent_idx" ON "ErrorOccurrence" ("parentOccurrenceId") WHERE "parentOccurrenceId" IS NOT NULL;
CREATE INDEX "ErrorOccurrence_agent_idx" ON "ErrorOccurrence" ("workspaceId", "agentId", "occurredAt", "groupId") WHERE "agentId" IS NOT NULL;
CREATE INDEX "ErrorOccurrence_user_idx" ON "ErrorOccurrence" ("workspaceId", "userId", "occurredAt", "groupId") WHERE "userId" IS NOT NULL;
