-- CreateTable
CREATE TABLE "ErrorWeekly" (
    "groupId" UUID NOT NULL,
    "week" DATE NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorWeekly_pkey" PRIMARY KEY ("groupId","week")
);

-- CreateIndex
CREATE INDEX "ErrorWeekly_workspaceId_week_idx" ON "ErrorWeekly"("workspaceId", "week");

-- Backfill from the daily rollup (weeks start on Monday, UTC).
INSERT INTO "ErrorWeekly" ("groupId", week, "workspaceId", "projectId", severity, count, "creditsLost")
SELECT "groupId", day - (extract(isodow FROM day)::int - 1), "workspaceId", "projectId", max(severity), sum(count)::int, sum("creditsLost")
FROM "ErrorDaily" GROUP BY 1, 2, 3, 4;
