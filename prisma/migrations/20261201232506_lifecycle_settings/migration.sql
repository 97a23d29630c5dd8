-- Per-project lifecycle settings. retentionDays is also added by the administration work (same definition).
ALTER TABLE "Project" ADD COLUMN IF NOT EXISTS "retentionDays" INTEGER NOT NULL DEFAULT 90;
ALTER TABLE "Project" ADD COLUMN "quotaPerMinute" INTEGER,
ADD COLUMN "quotaPerDay" INTEGER,
ADD COLUMN "maxEventsPerIssue" INTEGER,
ADD COLUMN "spikeProtection" BOOLEAN NOT NULL DEFAULT true;

-- Spike protection: occurrences counted but not stored, and the last time that happened (the UI says so).
ALTER TABLE "ErrorGroup" ADD COLUMN "sampledCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lastSampledAt" TIMESTAMPTZ(3);

-- Per-project quota windows (per minute and per UTC day), shared by every app instance.
CREATE TABLE "QuotaWindow" (
    "projectId" UUID NOT NULL,
    "span" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuotaWindow_pkey" PRIMARY KEY ("projectId","span","windowStart")
);
