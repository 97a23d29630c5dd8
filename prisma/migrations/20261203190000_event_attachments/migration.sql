-- Files sent with events (Sentry envelope attachment items): see EventAttachment in schema.prisma.
-- A new, empty table: instant on any database.
-- CreateTable
CREATE TABLE "EventAttachment" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "attachmentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventAttachment_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "EventAttachment_projectId_createdAt_idx" ON "EventAttachment"("projectId", "createdAt");
-- CreateIndex
CREATE UNIQUE INDEX "EventAttachment_projectId_eventId_filename_key" ON "EventAttachment"("projectId", "eventId", "filename");
-- AddForeignKey
ALTER TABLE "EventAttachment" ADD CONSTRAINT "EventAttachment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
