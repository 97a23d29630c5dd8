-- AlterTable
ALTER TABLE "User" ADD COLUMN     "operator" BOOLEAN NOT NULL DEFAULT false;


-- The account the first-run setup created (the earliest user) runs this instance: it keeps seeing the
-- instance-wide figures it saw as a workspace admin. Others are granted with `faultline user:grant-operator`.
UPDATE "User" SET "operator" = true
WHERE id = (SELECT id FROM "User" ORDER BY "createdAt" ASC, id ASC LIMIT 1);
