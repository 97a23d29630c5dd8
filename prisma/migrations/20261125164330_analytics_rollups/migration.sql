-- AlterTable
ALTER TABLE "ErrorHourly" ADD COLUMN     "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UserDaily" (
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UserDaily_pkey" PRIMARY KEY ("workspaceId","projectId","day","userId")
);

-- CreateTable
CREATE TABLE "AgentDaily" (
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "agentId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "AgentDaily_pkey" PRIMARY KEY ("workspaceId","projectId","day","agentId")
);

-- CreateTable
CREATE TABLE "CascadeDaily" (
    "workspaceId" UUID NOT NULL,
    "parentGroupId" UUID NOT NULL,
    "childGroupId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "CascadeDaily_pkey" PRIMARY KEY ("parentGroupId","childGroupId","day")
);

-- CreateIndex
CREATE INDEX "CascadeDaily_workspaceId_day_idx" ON "CascadeDaily"("workspaceId", "day");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_recovered_occurredAt_idx" ON "ErrorOccurrence"("workspaceId", "recovered", "occurredAt");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_agentId_occurredAt_idx" ON "ErrorOccurrence"("workspaceId", "agentId", "occurredAt");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_userId_occurredAt_idx" ON "ErrorOccurrence"("workspaceId", "userId", "occurredAt");
