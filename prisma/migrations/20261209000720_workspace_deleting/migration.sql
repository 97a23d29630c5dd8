-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "deletingAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "UserNotification_workspaceId_idx" ON "UserNotification"("workspaceId");

