-- AlterTable
ALTER TABLE "ErrorDaily" ADD COLUMN     "hours" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ErrorFiveMinute" (
    "groupId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorFiveMinute_pkey" PRIMARY KEY ("groupId","bucket","environment")
);

-- CreateTable
CREATE TABLE "ErrorEnvDaily" (
    "groupId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "hours" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorEnvDaily_pkey" PRIMARY KEY ("groupId","day","environment")
);

-- CreateTable
CREATE TABLE "ErrorEnvWeekly" (
    "groupId" UUID NOT NULL,
    "week" DATE NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "days" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorEnvWeekly_pkey" PRIMARY KEY ("groupId","week","environment")
);

-- CreateTable
CREATE TABLE "ProjectBucket" (
    "workspaceId" UUID NOT NULL,
    "span" SMALLINT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "projectId" UUID NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ProjectBucket_pkey" PRIMARY KEY ("workspaceId","span","bucket","projectId","environment","severity","shard")
);

-- CreateTable
CREATE TABLE "ActorCount" (
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "span" SMALLINT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActorCount_pkey" PRIMARY KEY ("workspaceId","kind","span","start","actorId","projectId","environment","severity")
);

-- CreateTable
CREATE TABLE "ActorFiveMinute" (
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActorFiveMinute_pkey" PRIMARY KEY ("workspaceId","kind","bucket","actorId","projectId","environment","severity")
);

-- CreateTable
CREATE TABLE "ExecutionHourly" (
    "projectId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "agentId" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "crashed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExecutionHourly_pkey" PRIMARY KEY ("projectId","hour","agentId","environment")
);

-- CreateIndex
CREATE INDEX "ErrorFiveMinute_workspaceId_bucket_idx" ON "ErrorFiveMinute"("workspaceId", "bucket");

-- CreateIndex
CREATE INDEX "ErrorFiveMinute_bucket_idx" ON "ErrorFiveMinute"("bucket");

-- CreateIndex
CREATE INDEX "ErrorEnvDaily_workspaceId_environment_day_idx" ON "ErrorEnvDaily"("workspaceId", "environment", "day");

-- CreateIndex
CREATE INDEX "ErrorEnvWeekly_workspaceId_environment_week_idx" ON "ErrorEnvWeekly"("workspaceId", "environment", "week");

-- CreateIndex
CREATE INDEX "ActorFiveMinute_bucket_idx" ON "ActorFiveMinute"("bucket");

-- CreateIndex
CREATE INDEX "ExecutionHourly_workspaceId_hour_idx" ON "ExecutionHourly"("workspaceId", "hour");


-- Backfill from what exists: the hourly rollup (per environment) for hours, environments and
-- per-project buckets; the occurrences for users and agents and for the two days of 5-minute rows.
UPDATE "ErrorDaily" d SET hours = h.mask
FROM (SELECT "groupId", ("bucket" AT TIME ZONE 'UTC')::date AS day,
        bit_or(1 << extract(hour FROM "bucket" AT TIME ZONE 'UTC')::int) AS mask
      FROM "ErrorHourly" GROUP BY 1, 2) h
WHERE d."groupId" = h."groupId" AND d.day = h.day;

INSERT INTO "ErrorEnvDaily" ("groupId", day, environment, "workspaceId", "projectId", severity, count, "creditsLost", hours)
SELECT "groupId", ("bucket" AT TIME ZONE 'UTC')::date, environment, "workspaceId", "projectId", max(severity), sum(count)::int, sum("creditsLost"),
  bit_or(1 << extract(hour FROM "bucket" AT TIME ZONE 'UTC')::int)
FROM "ErrorHourly" GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ErrorEnvWeekly" ("groupId", week, environment, "workspaceId", "projectId", severity, count, "creditsLost", days)
SELECT "groupId", day - (extract(isodow FROM day)::int - 1), environment, "workspaceId", "projectId", max(severity), sum(count)::int, sum("creditsLost"),
  bit_or(1 << (extract(isodow FROM day)::int - 1))
FROM "ErrorEnvDaily" GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
SELECT "workspaceId", 60, bucket, "projectId", environment, severity, 0, sum(count)::int
FROM "ErrorHourly" GROUP BY 1, 3, 4, 5, 6
UNION ALL
SELECT "workspaceId", 1440, date_trunc('day', bucket AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "projectId", environment, severity, 0, sum(count)::int
FROM "ErrorHourly" GROUP BY 1, 3, 4, 5, 6;

INSERT INTO "ErrorFiveMinute" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
SELECT o."groupId", date_bin('5 minutes', o."occurredAt", TIMESTAMPTZ 'epoch'), coalesce(o.environment, ''), o."workspaceId", o."projectId",
  g.severity, count(*)::int, sum(o."creditsLost")
FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
WHERE o."occurredAt" >= now() - interval '2 days'
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
SELECT o."workspaceId", a.kind, s.span,
  CASE s.span WHEN 60 THEN date_trunc('hour', o."occurredAt" AT TIME ZONE 'UTC')
              WHEN 1440 THEN date_trunc('day', o."occurredAt" AT TIME ZONE 'UTC')
              ELSE date_trunc('week', o."occurredAt" AT TIME ZONE 'UTC') END AT TIME ZONE 'UTC',
  a.id, o."projectId", coalesce(o.environment, ''), g.severity, count(*)::int
FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id)
CROSS JOIN (VALUES (60), (1440), (10080)) AS s(span)
WHERE a.id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count)
SELECT o."workspaceId", a.kind, date_bin('5 minutes', o."occurredAt", TIMESTAMPTZ 'epoch'), a.id, o."projectId", coalesce(o.environment, ''), g.severity, count(*)::int
FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id)
WHERE a.id IS NOT NULL AND o."occurredAt" >= now() - interval '2 days'
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "ExecutionHourly" ("projectId", hour, "agentId", environment, "workspaceId", ok, failed, crashed)
SELECT "projectId", date_bin('1 hour', minute, TIMESTAMPTZ 'epoch'), "agentId", environment, "workspaceId", sum(ok)::int, sum(failed)::int, sum(crashed)::int
FROM "ExecutionMinute" GROUP BY 1, 2, 3, 4, 5;

-- The error chains' in-run sequences read the newest run-tagged, non-cascade occurrences of a
-- workspace: this partial index holds just those (Prisma keeps manually created partial indexes).
CREATE INDEX "ErrorOccurrence_run_sample_idx" ON "ErrorOccurrence" ("workspaceId", "occurredAt" DESC) INCLUDE ("runId", "groupId")
WHERE "runId" IS NOT NULL AND "parentOccurrenceId" IS NULL AND "parentEventId" IS NULL;
