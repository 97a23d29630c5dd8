-- User feedback from Sentry SDKs (user_report and feedback envelope items): see UserFeedback in schema.prisma.
-- A new, empty table: instant on any database.
-- CreateTable
CREATE TABLE "UserFeedback" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "eventId" TEXT,
    "name" TEXT,
    "email" TEXT,
    "comments" TEXT NOT NULL,
    "url" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UserFeedback_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "UserFeedback_projectId_eventId_idx" ON "UserFeedback"("projectId", "eventId");
-- CreateIndex
CREATE INDEX "UserFeedback_workspaceId_createdAt_idx" ON "UserFeedback"("workspaceId", "createdAt" DESC);
-- CreateIndex
CREATE UNIQUE INDEX "UserFeedback_projectId_key_key" ON "UserFeedback"("projectId", "key");
-- AddForeignKey
ALTER TABLE "UserFeedback" ADD CONSTRAINT "UserFeedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
