-- CreateTable
CREATE TABLE "ErrorDaily" (
    "groupId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "ErrorDaily_pkey" PRIMARY KEY ("groupId","day","environment")
);

-- CreateIndex
CREATE INDEX "ErrorDaily_workspaceId_day_idx" ON "ErrorDaily"("workspaceId", "day");
