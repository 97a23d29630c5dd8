-- Ingest outcomes per project and minute, database size samples and job runs (the status page).
CREATE TABLE "IngestMinute" (
    "projectId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "workspaceId" UUID NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicate" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,
    "sampled" INTEGER NOT NULL DEFAULT 0,
    "dropped" INTEGER NOT NULL DEFAULT 0,
    "clientDiscarded" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IngestMinute_pkey" PRIMARY KEY ("projectId","minute")
);

CREATE INDEX "IngestMinute_workspaceId_minute_idx" ON "IngestMinute"("workspaceId", "minute");

CREATE TABLE "StorageSample" (
    "day" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "rows" BIGINT NOT NULL,
    "sampledAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StorageSample_pkey" PRIMARY KEY ("day","scope","name")
);

CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "lastStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastFinishedAt" TIMESTAMPTZ(3),
    "lastDurationMs" INTEGER,
    "lastStatus" TEXT NOT NULL,
    "lastError" TEXT,
    "lastOkAt" TIMESTAMPTZ(3),
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);
