-- ErrorOccurrence becomes a table partitioned by day on "occurredAt" (UTC), so retention drops whole
-- days instead of deleting rows. This migration copies the existing table once, under a lock: about a
-- minute per million occurrences (stop the app instances for this upgrade; see docs/operations.md).
--
-- Idempotency. A unique key of a partitioned table must contain the partition key, so the old
-- UNIQUE ("projectId", "eventId") cannot stay on ErrorOccurrence: two copies of one event with
-- different occurredAt would land in different partitions. It moves to ErrorEventId, a plain table
-- keyed by ("projectId", "eventId") that ingest inserts into first (ON CONFLICT DO NOTHING) in the
-- same statement; only events that got a new row there are stored and counted. It also serves parent
-- lookups (parentEventId → occurrence) and records events that spike protection counted without
-- storing (occurrenceId NULL). Retention deletes its rows with the occurrences of the same days.

CREATE TABLE "ErrorEventId" (
    "projectId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "groupId" UUID NOT NULL,
    "occurrenceId" UUID,

    CONSTRAINT "ErrorEventId_pkey" PRIMARY KEY ("projectId","eventId")
);

-- The old table steps aside; its constraint and index names are freed for the new one.
ALTER TABLE "ErrorOccurrence" RENAME TO "ErrorOccurrence_unpartitioned";
ALTER TABLE "ErrorOccurrence_unpartitioned" DROP CONSTRAINT "ErrorOccurrence_groupId_fkey";
ALTER TABLE "ErrorOccurrence_unpartitioned" DROP CONSTRAINT "ErrorOccurrence_pkey";
DROP INDEX "ErrorOccurrence_groupId_occurredAt_idx";
DROP INDEX "ErrorOccurrence_parentOccurrenceId_idx";
DROP INDEX "ErrorOccurrence_projectId_eventId_key";
DROP INDEX "ErrorOccurrence_runId_occurredAt_idx";
DROP INDEX "ErrorOccurrence_workspaceId_agentId_occurredAt_groupId_idx";
DROP INDEX "ErrorOccurrence_workspaceId_occurredAt_idx";
DROP INDEX "ErrorOccurrence_workspaceId_recovered_occurredAt_groupId_re_idx";
DROP INDEX "ErrorOccurrence_workspaceId_userId_occurredAt_groupId_idx";

CREATE TABLE "ErrorOccurrence" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "severity" "Severity" NOT NULL,
    "message" TEXT NOT NULL,
    "stackTrace" TEXT,
    "userId" TEXT,
    "agentId" TEXT,
    "runId" TEXT,
    "environment" TEXT,
    "release" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "parentEventId" TEXT,
    "parentOccurrenceId" UUID,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "executionsAffected" INTEGER NOT NULL DEFAULT 0,
    "recovered" BOOLEAN,
    "recoveryMethod" TEXT,
    "recoveryDurationMs" INTEGER,
    "recoveryAutomatic" BOOLEAN
) PARTITION BY RANGE ("occurredAt");

-- One partition per UTC day that holds events, and from yesterday to a week ahead; the partition job
-- keeps creating them ahead (lib/lifecycle/partitions), ingest creates a missing one on demand.
DO $$
DECLARE
  d date;
BEGIN
  FOR d IN
    SELECT DISTINCT ("occurredAt" AT TIME ZONE 'UTC')::date FROM "ErrorOccurrence_unpartitioned"
    UNION
    SELECT generate_series((now() AT TIME ZONE 'UTC')::date - 1, (now() AT TIME ZONE 'UTC')::date + 7, interval '1 day')::date
  LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "ErrorOccurrence" FOR VALUES FROM (%L) TO (%L)',
      'ErrorOccurrence_p' || to_char(d, 'YYYYMMDD'),
      to_char(d, 'YYYY-MM-DD') || ' 00:00:00+00',
      to_char(d + 1, 'YYYY-MM-DD') || ' 00:00:00+00'
    );
  END LOOP;
END $$;

INSERT INTO "ErrorOccurrence" ("id", "groupId", "projectId", "workspaceId", "eventId", "occurredAt", "receivedAt", "severity", "message",
    "stackTrace", "userId", "agentId", "runId", "environment", "release", "tags", "metadata", "parentEventId", "parentOccurrenceId",
    "creditsLost", "executionsAffected", "recovered", "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic")
SELECT "id", "groupId", "projectId", "workspaceId", "eventId", "occurredAt", "receivedAt", "severity", "message",
    "stackTrace", "userId", "agentId", "runId", "environment", "release", "tags", "metadata", "parentEventId", "parentOccurrenceId",
    "creditsLost", "executionsAffected", "recovered", "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic"
FROM "ErrorOccurrence_unpartitioned";

INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId", "occurrenceId")
SELECT "projectId", "eventId", "occurredAt", "groupId", "id" FROM "ErrorOccurrence_unpartitioned";

DROP TABLE "ErrorOccurrence_unpartitioned";

-- Keys and indexes after the copy (built once per partition instead of maintained row by row).
ALTER TABLE "ErrorOccurrence" ADD CONSTRAINT "ErrorOccurrence_pkey" PRIMARY KEY ("id", "occurredAt");
CREATE INDEX "ErrorOccurrence_groupId_occurredAt_idx" ON "ErrorOccurrence"("groupId", "occurredAt" DESC);
CREATE INDEX "ErrorOccurrence_workspaceId_occurredAt_idx" ON "ErrorOccurrence"("workspaceId", "occurredAt");
CREATE INDEX "ErrorOccurrence_runId_occurredAt_idx" ON "ErrorOccurrence"("runId", "occurredAt");
CREATE INDEX "ErrorOccurrence_parentOccurrenceId_idx" ON "ErrorOccurrence"("parentOccurrenceId");
CREATE INDEX "ErrorOccurrence_workspaceId_recovered_occurredAt_groupId_re_idx" ON "ErrorOccurrence"("workspaceId", "recovered", "occurredAt", "groupId", "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic");
CREATE INDEX "ErrorOccurrence_workspaceId_agentId_occurredAt_groupId_idx" ON "ErrorOccurrence"("workspaceId", "agentId", "occurredAt", "groupId");
CREATE INDEX "ErrorOccurrence_workspaceId_userId_occurredAt_groupId_idx" ON "ErrorOccurrence"("workspaceId", "userId", "occurredAt", "groupId");
ALTER TABLE "ErrorOccurrence" ADD CONSTRAINT "ErrorOccurrence_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Retention deletes a project's event ids of the days it drops.
CREATE INDEX "ErrorEventId_projectId_occurredAt_idx" ON "ErrorEventId"("projectId", "occurredAt");
