-- CreateTable
CREATE TABLE "UserWeekly" (
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "week" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UserWeekly_pkey" PRIMARY KEY ("workspaceId","projectId","week","userId")
);

-- Backfill from the per-day user rollup (weeks start on Monday, UTC).
INSERT INTO "UserWeekly" ("workspaceId", "projectId", week, "userId", count)
SELECT "workspaceId", "projectId", day - (extract(isodow FROM day)::int - 1), "userId", sum(count)::int
FROM "UserDaily" GROUP BY 1, 2, 3, 4;
