-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "deletingAt" TIMESTAMPTZ(3);

