-- Releases declared by deploy tools through sentry-cli's API.
CREATE TABLE "DeclaredRelease" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "projectIds" UUID[],
    "url" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMPTZ(3),
    CONSTRAINT "DeclaredRelease_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeclaredRelease_workspaceId_version_key" ON "DeclaredRelease"("workspaceId", "version");
ALTER TABLE "DeclaredRelease" ADD CONSTRAINT "DeclaredRelease_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
