-- CreateTable
CREATE TABLE "ExecutionMinute" (
    "projectId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "agentId" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "crashed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExecutionMinute_pkey" PRIMARY KEY ("projectId","minute","agentId","environment")
);

-- CreateTable
CREATE TABLE "ClientDiscard" (
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ClientDiscard_pkey" PRIMARY KEY ("projectId","day","reason","category")
);

-- CreateIndex
CREATE INDEX "ExecutionMinute_workspaceId_minute_idx" ON "ExecutionMinute"("workspaceId", "minute");
