-- Deploys of releases to environments, as deploy steps report them.
CREATE TABLE "ReleaseDeploy" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "name" TEXT,
    "url" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReleaseDeploy_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReleaseDeploy_workspaceId_version_finishedAt_idx" ON "ReleaseDeploy"("workspaceId", "version", "finishedAt" DESC);
ALTER TABLE "ReleaseDeploy" ADD CONSTRAINT "ReleaseDeploy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
