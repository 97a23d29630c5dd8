-- A channel may be limited to some projects' alerts (docs/alerts.md → Channels); [] keeps every alert.
-- AlterTable
ALTER TABLE "NotificationChannel" ADD COLUMN     "projectIds" UUID[] DEFAULT ARRAY[]::UUID[];

