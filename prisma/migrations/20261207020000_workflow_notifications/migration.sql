-- Personal workflow notifications: the inbox, issue subscriptions, per-person delivery settings,
-- and the cursor of the job that makes them (docs/notifications.md).
-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('assigned', 'regressed', 'commented', 'mentioned', 'resolved');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('off', 'inbox', 'email');

-- CreateTable
CREATE TABLE "UserNotification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "actorId" UUID,
    "sourceId" UUID NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailState" TEXT,
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UserNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueSubscription" (
    "userId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "subscribed" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueSubscription_pkey" PRIMARY KEY ("userId","groupId")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" UUID NOT NULL,
    "assigned" "NotificationDelivery" NOT NULL DEFAULT 'email',
    "regressed" "NotificationDelivery" NOT NULL DEFAULT 'email',
    "commented" "NotificationDelivery" NOT NULL DEFAULT 'inbox',
    "mentioned" "NotificationDelivery" NOT NULL DEFAULT 'email',
    "resolved" "NotificationDelivery" NOT NULL DEFAULT 'inbox',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationSource" (
    "sourceId" UUID NOT NULL,
    "sourceAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSource_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "JobCursor" (
    "name" TEXT NOT NULL,
    "position" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "UserNotification_userId_id_idx" ON "UserNotification"("userId", "id" DESC);

-- CreateIndex
CREATE INDEX "UserNotification_groupId_idx" ON "UserNotification"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "UserNotification_userId_sourceId_key" ON "UserNotification"("userId", "sourceId");

-- CreateIndex
CREATE INDEX "NotificationSource_sourceAt_idx" ON "NotificationSource"("sourceAt");

-- CreateIndex
CREATE INDEX "IssueSubscription_groupId_idx" ON "IssueSubscription"("groupId");

-- AddForeignKey
ALTER TABLE "UserNotification" ADD CONSTRAINT "UserNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserNotification" ADD CONSTRAINT "UserNotification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserNotification" ADD CONSTRAINT "UserNotification_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSubscription" ADD CONSTRAINT "IssueSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueSubscription" ADD CONSTRAINT "IssueSubscription_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The unread ones per person (the header's count) and the emails still to send.
CREATE INDEX "UserNotification_unread_idx" ON "UserNotification"("userId") WHERE "readAt" IS NULL;
CREATE INDEX "UserNotification_pending_email_idx" ON "UserNotification"("createdAt") WHERE "emailState" = 'pending';

-- The workflow-notifications job reads the issues' audit entries and comments in time order.
CREATE INDEX "AuditLog_error_at_idx" ON "AuditLog"("at") WHERE "targetType" = 'error';
CREATE INDEX "ErrorComment_createdAt_idx" ON "ErrorComment"("createdAt");
