-- Cron monitors (Sentry Crons check-ins): see CronMonitor and CronCheckIn in schema.prisma.
-- New, empty tables: instant on any database.
-- CreateTable
CREATE TABLE "CronMonitor" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "scheduleType" TEXT,
    "scheduleValue" TEXT,
    "scheduleUnit" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "checkinMargin" INTEGER NOT NULL DEFAULT 1,
    "maxRuntime" INTEGER NOT NULL DEFAULT 30,
    "failureIssueThreshold" INTEGER NOT NULL DEFAULT 1,
    "recoveryThreshold" INTEGER NOT NULL DEFAULT 1,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "consecutiveOks" INTEGER NOT NULL DEFAULT 0,
    "lastCheckInAt" TIMESTAMPTZ(3),
    "lastCheckInStatus" TEXT,
    "nextExpectedAt" TIMESTAMPTZ(3),
    "missedAt" TIMESTAMPTZ(3),
    "groupId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CronMonitor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CronCheckIn" (
    "monitorId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "durationMs" INTEGER,
    "release" TEXT,
    "expectedAt" TIMESTAMPTZ(3),
    "timeoutAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CronCheckIn_pkey" PRIMARY KEY ("monitorId","id")
);

-- CreateIndex
CREATE INDEX "CronMonitor_workspaceId_slug_idx" ON "CronMonitor"("workspaceId", "slug");

-- CreateIndex
CREATE INDEX "CronMonitor_missedAt_idx" ON "CronMonitor"("missedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CronMonitor_projectId_slug_environment_key" ON "CronMonitor"("projectId", "slug", "environment");

-- CreateIndex
CREATE INDEX "CronCheckIn_monitorId_createdAt_idx" ON "CronCheckIn"("monitorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CronCheckIn_timeoutAt_idx" ON "CronCheckIn"("timeoutAt");

-- AddForeignKey
ALTER TABLE "CronMonitor" ADD CONSTRAINT "CronMonitor_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CronCheckIn" ADD CONSTRAINT "CronCheckIn_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "CronMonitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

