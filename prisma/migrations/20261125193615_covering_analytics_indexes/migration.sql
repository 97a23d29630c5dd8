-- DropIndex
DROP INDEX "ErrorOccurrence_workspaceId_agentId_occurredAt_idx";

-- DropIndex
DROP INDEX "ErrorOccurrence_workspaceId_recovered_occurredAt_idx";

-- DropIndex
DROP INDEX "ErrorOccurrence_workspaceId_userId_occurredAt_idx";

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_recovered_occurredAt_groupId_re_idx" ON "ErrorOccurrence"("workspaceId", "recovered", "occurredAt", "groupId", "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_agentId_occurredAt_groupId_idx" ON "ErrorOccurrence"("workspaceId", "agentId", "occurredAt", "groupId");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_userId_occurredAt_groupId_idx" ON "ErrorOccurrence"("workspaceId", "userId", "occurredAt", "groupId");
