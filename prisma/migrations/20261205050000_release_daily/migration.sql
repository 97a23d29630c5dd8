-- Error events per project, UTC day and release (the release page's daily events): written by the
-- ingest transaction, one row per day and release of each transaction, spread over shards so that
-- concurrent writers (another instance) do not queue on one row.
CREATE TABLE "ReleaseDaily" (
    "workspaceId" UUID NOT NULL,
    "release" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "projectId" UUID NOT NULL,
    "shard" SMALLINT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "ReleaseDaily_pkey" PRIMARY KEY ("workspaceId","release","day","projectId","shard")
);


-- What is already stored: the occurrences' releases as the tag rollup keeps them (trimmed, 200
-- characters). Events sampled away by spike protection before this migration are not in it.
INSERT INTO "ReleaseDaily" ("workspaceId", "release", "day", "projectId", "shard", "events")
SELECT "workspaceId", left(btrim("release"), 200), ("occurredAt" AT TIME ZONE 'UTC')::date, "projectId", 0, count(*)::int
FROM "ErrorOccurrence"
WHERE "release" IS NOT NULL AND btrim("release") <> ''
GROUP BY 1, 2, 3, 4;
