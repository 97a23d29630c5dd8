-- Release health: Sentry sessions per project, day, release and environment.
CREATE TABLE "ReleaseSessionDaily" (
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "release" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "workspaceId" UUID NOT NULL,
    "ok" INTEGER NOT NULL DEFAULT 0,
    "errored" INTEGER NOT NULL DEFAULT 0,
    "crashed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReleaseSessionDaily_pkey" PRIMARY KEY ("projectId","day","release","environment")
);

CREATE INDEX "ReleaseSessionDaily_workspaceId_release_idx" ON "ReleaseSessionDaily"("workspaceId", "release");
