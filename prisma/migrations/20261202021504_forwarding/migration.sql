-- CreateEnum
CREATE TYPE "ForwardingKind" AS ENUM ('sentry', 'webhook', 'datadog');

-- CreateTable
CREATE TABLE "ForwardingRule" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ForwardingKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severities" "Severity"[] DEFAULT ARRAY[]::"Severity"[],
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "environments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForwardingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForwardingDelivery" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "groupId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "responseStatus" INTEGER,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForwardingDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForwardingRule_projectId_idx" ON "ForwardingRule"("projectId");

-- CreateIndex
CREATE INDEX "ForwardingDelivery_status_nextAttemptAt_idx" ON "ForwardingDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ForwardingDelivery_projectId_createdAt_idx" ON "ForwardingDelivery"("projectId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ForwardingDelivery_ruleId_eventId_key" ON "ForwardingDelivery"("ruleId", "eventId");

-- AddForeignKey
ALTER TABLE "ForwardingRule" ADD CONSTRAINT "ForwardingRule_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForwardingDelivery" ADD CONSTRAINT "ForwardingDelivery_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ForwardingRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

