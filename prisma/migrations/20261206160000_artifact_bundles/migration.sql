-- Source maps uploaded by debug ID (sentry-cli's artifact bundles): a map may have no release.
ALTER TABLE "SourceMap" ALTER COLUMN "release" DROP NOT NULL;
ALTER TABLE "SourceMap" ADD COLUMN "debugId" UUID;
CREATE UNIQUE INDEX "SourceMap_projectId_debugId_key" ON "SourceMap"("projectId", "debugId");

-- Pieces of a chunked upload, until their bundle is assembled.
CREATE TABLE "UploadChunk" (
    "workspaceId" UUID NOT NULL,
    "checksum" CHAR(40) NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UploadChunk_pkey" PRIMARY KEY ("workspaceId", "checksum")
);
CREATE INDEX "UploadChunk_createdAt_idx" ON "UploadChunk"("createdAt");
ALTER TABLE "UploadChunk" ADD CONSTRAINT "UploadChunk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
