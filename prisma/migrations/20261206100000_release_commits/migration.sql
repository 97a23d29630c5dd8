-- Release commits: what a release shipped, sent by a deploy step; an event's frames are matched
-- against the files they changed (suspect commits).
CREATE TABLE "ReleaseCommit" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "release" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "authorName" TEXT,
    "authorEmail" TEXT,
    "committedAt" TIMESTAMPTZ(3),
    "files" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseCommit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseCommit_projectId_release_sha_key" ON "ReleaseCommit"("projectId", "release", "sha");

-- CreateIndex
CREATE INDEX "ReleaseCommit_projectId_release_position_idx" ON "ReleaseCommit"("projectId", "release", "position");

-- AddForeignKey
ALTER TABLE "ReleaseCommit" ADD CONSTRAINT "ReleaseCommit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
