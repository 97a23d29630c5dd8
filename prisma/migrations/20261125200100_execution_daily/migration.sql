-- CreateTable
CREATE TABLE "ExecutionDaily" (
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "agentId" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "crashed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExecutionDaily_pkey" PRIMARY KEY ("projectId","day","agentId","environment")
);

-- CreateIndex
CREATE INDEX "ExecutionDaily_workspaceId_day_idx" ON "ExecutionDaily"("workspaceId", "day");

-- Backfill from the per-minute counts.
INSERT INTO "ExecutionDaily" ("projectId", day, "agentId", environment, "workspaceId", ok, failed, crashed)
SELECT "projectId", (minute AT TIME ZONE 'UTC')::date, "agentId", environment, "workspaceId", sum(ok)::int, sum(failed)::int, sum(crashed)::int
FROM "ExecutionMinute" GROUP BY 1, 2, 3, 4, 5;
