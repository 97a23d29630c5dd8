-- Every ingest transaction updates the row of each issue it counts, and those updates cannot be HOT
-- ("lastSeen" is in three of the list's indexes), so each one wrote an entry into all ten indexes of
-- "ErrorGroup" — five of them on columns most issues leave empty: when an ignore ends, the assignee,
-- the assigned team, when it was resolved and acknowledged. Every query that uses them looks up a
-- value or a range (`= x`, `IN (…)`, `>= t`, `<= t`), never NULL, so each becomes partial: an issue
-- without that field writes nothing there. `bench:ingest-ab` (16 native events per transaction,
-- 240 rounds, interleaved): B/A 0.986 and 0.961.
DROP INDEX IF EXISTS "ErrorGroup_ignoredUntil_idx";
DROP INDEX IF EXISTS "ErrorGroup_workspaceId_assigneeId_idx";
DROP INDEX IF EXISTS "ErrorGroup_workspaceId_assigneeTeamId_idx";
DROP INDEX IF EXISTS "ErrorGroup_workspaceId_resolvedAt_idx";
DROP INDEX IF EXISTS "ErrorGroup_workspaceId_acknowledgedAt_idx";

CREATE INDEX "ErrorGroup_ignored_until_idx" ON "ErrorGroup" ("ignoredUntil") WHERE "ignoredUntil" IS NOT NULL;
CREATE INDEX "ErrorGroup_assignee_idx" ON "ErrorGroup" ("workspaceId", "assigneeId") WHERE "assigneeId" IS NOT NULL;
CREATE INDEX "ErrorGroup_assignee_team_idx" ON "ErrorGroup" ("workspaceId", "assigneeTeamId") WHERE "assigneeTeamId" IS NOT NULL;
CREATE INDEX "ErrorGroup_resolved_idx" ON "ErrorGroup" ("workspaceId", "resolvedAt") WHERE "resolvedAt" IS NOT NULL;
CREATE INDEX "ErrorGroup_acknowledged_idx" ON "ErrorGroup" ("workspaceId", "acknowledgedAt") WHERE "acknowledgedAt" IS NOT NULL;
