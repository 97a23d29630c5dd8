-- Stored occurrences the retention job deleted, per issue (lib/lifecycle/runRetention.ts counts them
-- as it deletes their event ids): what is stored now is occurrenceCount - sampledCount - expiredCount.
ALTER TABLE "ErrorGroup" ADD COLUMN     "expiredCount" INTEGER NOT NULL DEFAULT 0;

-- backfill-expired:begin
-- Issues of an existing database: only one first seen before its project's retention can have lost
-- stored events (each counted from its occurrences through the (groupId, occurredAt) index).
UPDATE "ErrorGroup" g
SET "expiredCount" = GREATEST(g."occurrenceCount" - g."sampledCount" - (SELECT count(*) FROM "ErrorOccurrence" o WHERE o."groupId" = g.id)::int, 0)
FROM "Project" p
WHERE p.id = g."projectId" AND g."firstSeen" < now() - make_interval(days => p."retentionDays");
-- backfill-expired:end

-- strip-group-context:begin
-- An issue kept a copy of its first event's user, tags and whole metadata (Sentry user, request,
-- headers, extra) forever, past the event's retention. It keeps only what is not about the end user
-- now (lib/ingest/groupContext.ts): environment, release, agent, run and the source-map debug
-- IDs its culprit is mapped with. One pass over the issues (ingest into an issue waits for its row).
UPDATE "ErrorGroup"
SET context = jsonb_strip_nulls(jsonb_build_object(
  'environment', context -> 'environment',
  'release', context -> 'release',
  'agentId', context -> 'agentId',
  'runId', context -> 'runId',
  'metadata', CASE WHEN jsonb_typeof(context -> 'metadata' -> 'sourceMapDebugIds') = 'object'
    THEN jsonb_build_object('sourceMapDebugIds', context -> 'metadata' -> 'sourceMapDebugIds') END))
WHERE context ?| ARRAY['userId', 'tags', 'metadata'];
-- strip-group-context:end
