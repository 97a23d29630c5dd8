-- Weekly reports by email: each person's choice, and which went out (docs/notifications.md).
-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "weeklyReport" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "WeeklyReportSent" (
    "userId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeeklyReportSent_pkey" PRIMARY KEY ("userId","workspaceId","weekStart")
);

-- CreateIndex
CREATE INDEX "WeeklyReportSent_workspaceId_idx" ON "WeeklyReportSent"("workspaceId");

-- AddForeignKey
ALTER TABLE "WeeklyReportSent" ADD CONSTRAINT "WeeklyReportSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReportSent" ADD CONSTRAINT "WeeklyReportSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

