-- Exactly-once counts through the spool: see AppliedRecord in schema.prisma. A new, empty table.
-- CreateTable
CREATE TABLE "AppliedRecord" (
    "id" UUID NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AppliedRecord_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "AppliedRecord_appliedAt_idx" ON "AppliedRecord"("appliedAt");
