-- AlterTable
ALTER TABLE "ErrorGroup" ADD COLUMN     "regressed" BOOLEAN NOT NULL DEFAULT false;

-- The open issues that regressed keep their REGRESSED state (which of them a person resolved and
-- reopened since cannot be told any more).
UPDATE "ErrorGroup" SET "regressed" = true
WHERE "regressedAt" IS NOT NULL AND status IN ('new', 'acknowledged', 'investigating');
