-- AlterTable
ALTER TABLE "ReleaseSessionDaily" ADD COLUMN     "abnormal" INTEGER NOT NULL DEFAULT 0;

