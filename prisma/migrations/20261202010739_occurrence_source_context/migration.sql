ALTER TABLE "ErrorOccurrence" ADD COLUMN     "sourceContext" JSONB;

-- CreateIndex
CREATE INDEX "ErrorGroup_ignoredUntil_idx" ON "ErrorGroup"("ignoredUntil");

