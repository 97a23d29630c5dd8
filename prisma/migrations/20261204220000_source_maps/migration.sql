-- Source maps per project and release (see SourceMap in schema.prisma). A new, empty table.
-- CreateTable
CREATE TABLE "SourceMap" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "release" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "sourceCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceMap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceMap_projectId_release_url_key" ON "SourceMap"("projectId", "release", "url");

-- AddForeignKey
ALTER TABLE "SourceMap" ADD CONSTRAINT "SourceMap_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
