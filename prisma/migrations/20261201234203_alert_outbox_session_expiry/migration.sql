-- CreateTable
CREATE TABLE "AlertOutbox" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "batch" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertOutbox_claimedUntil_idx" ON "AlertOutbox"("claimedUntil");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
