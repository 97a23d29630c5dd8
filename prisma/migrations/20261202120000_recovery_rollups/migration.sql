-- Recovery analysis per UTC day (docs/metrics.md → recovery). The view read every occurrence with a
-- recovery outcome in its window (500,000 index entries for 30 days at 10M occurrences, three times);
-- whole days now come from these two rollups, written by the ingest statement, and only the window's
-- partial days from occurrences.

-- A duration's bucket (ms): 10 ms (the 0.01 s the view shows) below 10 s, 3 significant digits
-- above. Monotonic, so the median and p95 of the bucketed durations are the bucketed median and p95;
-- at most ~1,000 buckets per decade, so a day's histogram stays small whatever the traffic.
CREATE FUNCTION faultline_recovery_ms(ms integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN ms IS NULL THEN NULL
                    WHEN ms < 10000 THEN round(ms::numeric, -1)::integer
                    ELSE least(round(ms::numeric, 2 - floor(log(ms::numeric))::integer), 2147483647)::integer END $$;

-- CreateTable
CREATE TABLE "RecoveryDaily" (
    "workspaceId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "projectId" UUID NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "method" TEXT NOT NULL DEFAULT '',
    "recovered" BOOLEAN NOT NULL,
    "automatic" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,
    "durationSumMs" BIGINT NOT NULL DEFAULT 0,
    "durationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RecoveryDaily_pkey" PRIMARY KEY ("workspaceId","day","projectId","environment","severity","method","recovered","automatic")
);

-- CreateTable
CREATE TABLE "RecoveryDurationDaily" (
    "workspaceId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "projectId" UUID NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RecoveryDurationDaily_pkey" PRIMARY KEY ("workspaceId","day","projectId","environment","severity","durationMs")
);

-- Backfill from the stored occurrences (one pass over the partial recovery index and the groups).
INSERT INTO "RecoveryDaily" ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic, count, "durationSumMs", "durationCount")
SELECT o."workspaceId", (o."occurredAt" AT TIME ZONE 'UTC')::date, o."projectId", coalesce(o.environment, ''), g.severity,
  coalesce(o."recoveryMethod", ''), o.recovered, o."recoveryAutomatic" IS DISTINCT FROM false,
  count(*)::integer, coalesce(sum(o."recoveryDurationMs"), 0), count(o."recoveryDurationMs")::integer
FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
WHERE o.recovered IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "RecoveryDurationDaily" ("workspaceId", day, "projectId", environment, severity, "durationMs", count)
SELECT o."workspaceId", (o."occurredAt" AT TIME ZONE 'UTC')::date, o."projectId", coalesce(o.environment, ''), g.severity,
  faultline_recovery_ms(o."recoveryDurationMs"), count(*)::integer
FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
WHERE o.recovered = true AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;

-- The most recent failed recoveries show their groups' methods: read from each shown group's failed
-- outcomes in this index (only failed outcomes are in it) instead of every occurrence of the group.
CREATE INDEX "ErrorOccurrence_recovery_failure_idx" ON "ErrorOccurrence" ("groupId", "occurredAt")
  INCLUDE ("recoveryMethod", "environment")
  WHERE "recovered" = false;
