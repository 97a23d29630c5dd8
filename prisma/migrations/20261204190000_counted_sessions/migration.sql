-- Release-health sessions counted once by their session id: see CountedSession in schema.prisma.
-- A new, empty table.
-- CreateTable
CREATE TABLE "CountedSession" (
    "projectId" UUID NOT NULL,
    "sid" TEXT NOT NULL,
    "countedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CountedSession_pkey" PRIMARY KEY ("projectId","sid")
);
-- CreateIndex
CREATE INDEX "CountedSession_countedAt_idx" ON "CountedSession"("countedAt");
