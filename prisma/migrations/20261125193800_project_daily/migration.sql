-- CreateTable
CREATE TABLE "ProjectDaily" (
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "severity" "Severity" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,

    CONSTRAINT "ProjectDaily_pkey" PRIMARY KEY ("workspaceId","projectId","day","severity","shard")
);

-- Backfill from the per-group daily rollup (one row per group and day).
INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
SELECT "workspaceId", "projectId", day, severity, 0, sum(count)::int, count(*)::int
FROM "ErrorDaily" GROUP BY 1, 2, 3, 4;
