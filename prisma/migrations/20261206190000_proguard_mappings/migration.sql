-- ProGuard / R8 mappings by the UUID an Android or JVM build was given (sentry-cli upload-proguard).
CREATE TABLE "ProguardMapping" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "uuid" UUID NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "classCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProguardMapping_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ProguardMapping_projectId_uuid_key" ON "ProguardMapping"("projectId", "uuid");

ALTER TABLE "ProguardMapping" ADD CONSTRAINT "ProguardMapping_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
