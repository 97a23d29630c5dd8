-- JVM source bundles by the debug ID a build was given (sentry-cli debug-files bundle-jvm / upload).
CREATE TABLE "SourceBundle" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "debugId" UUID NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceBundle_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SourceBundle_projectId_debugId_key" ON "SourceBundle"("projectId", "debugId");

ALTER TABLE "SourceBundle" ADD CONSTRAINT "SourceBundle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
