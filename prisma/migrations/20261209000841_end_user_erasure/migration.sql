-- An end user's erasure (lib/endUsers/erasure): identifiers kept while it runs, their SHA-256 for good.
-- CreateTable
CREATE TABLE "EndUserErasure" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "requestedById" UUID,
    "hashes" JSONB NOT NULL,
    "identifiers" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cursor" TIMESTAMPTZ(3),
    "deleted" JSONB NOT NULL DEFAULT '{}',
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EndUserErasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EndUserErasure_workspaceId_createdAt_idx" ON "EndUserErasure"("workspaceId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "EndUserErasure" ADD CONSTRAINT "EndUserErasure_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

