-- Alerts to Faultline's own people: a 'members' channel writes UserNotifications of kind 'alert'
-- (docs/notifications.md). A project-wide alert has no issue, so groupId may be null.
-- AlterEnum
ALTER TYPE "ChannelKind" ADD VALUE 'members';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'alert';

-- AlterTable
ALTER TABLE "UserNotification" ADD COLUMN     "alertId" UUID,
ALTER COLUMN "groupId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "alert" "NotificationDelivery" NOT NULL DEFAULT 'email';

-- CreateIndex
CREATE INDEX "UserNotification_alertId_idx" ON "UserNotification"("alertId");

-- AddForeignKey
ALTER TABLE "UserNotification" ADD CONSTRAINT "UserNotification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

