-- AlterTable
ALTER TABLE "PasswordReset" ADD COLUMN     "emailed" BOOLEAN NOT NULL DEFAULT false;

