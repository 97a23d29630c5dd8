-- Release health's crash-free users: the users (the SDK's session `did`, hashed) who had a session of
-- a release on a UTC day, and whether one of their sessions of it crashed. One row per project, day,
-- release, environment and user; the releases page counts distinct users over the release's days.
CREATE TABLE "ReleaseUserDaily" (
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "release" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "userKey" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "crashed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReleaseUserDaily_pkey" PRIMARY KEY ("projectId","day","release","environment","userKey")
);

-- The releases list and page count a release's distinct users: an index-only scan of its rows.
CREATE INDEX "ReleaseUserDaily_workspaceId_release_userKey_crashed_idx" ON "ReleaseUserDaily"("workspaceId", "release", "userKey", "crashed");
