-- An alert rule may be limited to some projects (docs/alerts.md → Rules); [] keeps every project.
-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "projectIds" UUID[] DEFAULT ARRAY[]::UUID[];

