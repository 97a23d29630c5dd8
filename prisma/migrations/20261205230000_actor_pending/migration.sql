-- Per-user and per-agent counts, deferred: the ingest statement appends one row per event that names
-- a user or an agent here, instead of upserting up to eleven rows of ActorCount, ActorFiveMinute,
-- UserDaily, UserWeekly and AgentDaily per event; the actor-fold job moves the rows into those tables
-- (one upsert per actor and bucket for everything since its last turn), and readers add what is still
-- here, so counts stay exact at every moment. No index: the table holds seconds of events and is read
-- and emptied whole. Vacuumed eagerly: rows are deleted as fast as they come.
CREATE TABLE "ActorPending" (
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "userId" TEXT,
    "agentId" TEXT
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);
