-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'member', 'admin');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "ErrorStatus" AS ENUM ('new', 'acknowledged', 'investigating', 'resolved', 'ignored');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "publicId" SERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "allowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rateLimitPerMinute" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestKey" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IngestKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "userId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("userId","workspaceId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorGroup" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "platform" TEXT,
    "status" "ErrorStatus" NOT NULL DEFAULT 'new',
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,
    "occurrenceCount" INTEGER NOT NULL DEFAULT 0,
    "usersAffected" INTEGER NOT NULL DEFAULT 0,
    "agentsAffected" INTEGER NOT NULL DEFAULT 0,
    "executionsAffected" INTEGER NOT NULL DEFAULT 0,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "cascadingFailures" INTEGER NOT NULL DEFAULT 0,
    "stackTrace" TEXT,
    "frames" JSONB,
    "context" JSONB NOT NULL DEFAULT '{}',
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolution" TEXT,
    "rootCause" TEXT,
    "preventiveMeasures" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "assigneeId" UUID,
    "regressedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErrorGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorGroupUser" (
    "groupId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErrorGroupUser_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "ErrorGroupAgent" (
    "groupId" UUID NOT NULL,
    "agentId" TEXT NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErrorGroupAgent_pkey" PRIMARY KEY ("groupId","agentId")
);

-- CreateTable
CREATE TABLE "ErrorOccurrence" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "severity" "Severity" NOT NULL,
    "message" TEXT NOT NULL,
    "stackTrace" TEXT,
    "userId" TEXT,
    "agentId" TEXT,
    "runId" TEXT,
    "environment" TEXT,
    "release" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "parentEventId" TEXT,
    "parentOccurrenceId" UUID,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "executionsAffected" INTEGER NOT NULL DEFAULT 0,
    "recovered" BOOLEAN,
    "recoveryMethod" TEXT,
    "recoveryDurationMs" INTEGER,
    "recoveryAutomatic" BOOLEAN,

    CONSTRAINT "ErrorOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorHourly" (
    "groupId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ErrorHourly_pkey" PRIMARY KEY ("groupId","bucket","environment")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "actorId" UUID,
    "actorType" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Project_publicId_key" ON "Project"("publicId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_workspaceId_slug_key" ON "Project"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "IngestKey_keyHash_key" ON "IngestKey"("keyHash");

-- CreateIndex
CREATE INDEX "IngestKey_projectId_idx" ON "IngestKey"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_idx" ON "Membership"("workspaceId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "ErrorGroup_workspaceId_lastSeen_idx" ON "ErrorGroup"("workspaceId", "lastSeen" DESC);

-- CreateIndex
CREATE INDEX "ErrorGroup_workspaceId_status_lastSeen_idx" ON "ErrorGroup"("workspaceId", "status", "lastSeen" DESC);

-- CreateIndex
CREATE INDEX "ErrorGroup_workspaceId_severity_lastSeen_idx" ON "ErrorGroup"("workspaceId", "severity", "lastSeen" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ErrorGroup_projectId_fingerprint_key" ON "ErrorGroup"("projectId", "fingerprint");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_groupId_occurredAt_idx" ON "ErrorOccurrence"("groupId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "ErrorOccurrence_workspaceId_occurredAt_idx" ON "ErrorOccurrence"("workspaceId", "occurredAt");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_runId_occurredAt_idx" ON "ErrorOccurrence"("runId", "occurredAt");

-- CreateIndex
CREATE INDEX "ErrorOccurrence_parentOccurrenceId_idx" ON "ErrorOccurrence"("parentOccurrenceId");

-- CreateIndex
CREATE UNIQUE INDEX "ErrorOccurrence_projectId_eventId_key" ON "ErrorOccurrence"("projectId", "eventId");

-- CreateIndex
CREATE INDEX "ErrorHourly_workspaceId_bucket_idx" ON "ErrorHourly"("workspaceId", "bucket");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_at_idx" ON "AuditLog"("workspaceId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_at_idx" ON "AuditLog"("targetType", "targetId", "at" DESC);

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestKey" ADD CONSTRAINT "IngestKey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorGroup" ADD CONSTRAINT "ErrorGroup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorGroup" ADD CONSTRAINT "ErrorGroup_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorOccurrence" ADD CONSTRAINT "ErrorOccurrence_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
