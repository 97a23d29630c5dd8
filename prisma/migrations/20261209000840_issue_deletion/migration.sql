-- An issue an admin deleted (DELETE /api/v1/errors/:id) is marked first and its rows deleted in
-- batches by the project-deletion job (lib/errors/deletion); the row goes last.
-- AlterTable
ALTER TABLE "ErrorGroup" ADD COLUMN     "deletingAt" TIMESTAMPTZ(3);

-- The job's search for issues being deleted: partial, so the issues that are not (all of them, nearly
-- always) write nothing here.
CREATE INDEX "ErrorGroup_deleting_idx" ON "ErrorGroup" ("deletingAt") WHERE "deletingAt" IS NOT NULL;
