
-- AlterTable
ALTER TABLE "ErrorGroup" ADD COLUMN     "ignoreUntilEvents" INTEGER,
ADD COLUMN     "ignoreUntilUsers" INTEGER,
ADD COLUMN     "ignoredUntil" TIMESTAMPTZ(3),
ADD COLUMN     "resolvedInNextRelease" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resolvedRelease" TEXT;

-- CreateTable
CREATE TABLE "ErrorGroupTag" (
    "groupId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "count" INTEGER NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErrorGroupTag_pkey" PRIMARY KEY ("groupId","key","value")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorComment" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErrorComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvestigationCheck" (
    "groupId" UUID NOT NULL,
    "itemKey" TEXT NOT NULL,
    "checkedById" UUID,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestigationCheck_pkey" PRIMARY KEY ("groupId","itemKey")
);

-- CreateIndex
CREATE INDEX "ErrorGroupTag_groupId_key_count_idx" ON "ErrorGroupTag"("groupId", "key", "count" DESC);

-- CreateIndex
CREATE INDEX "ErrorGroupTag_workspaceId_key_value_idx" ON "ErrorGroupTag"("workspaceId", "key", "value");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_workspaceId_name_key" ON "SavedSearch"("userId", "workspaceId", "name");

-- CreateIndex
CREATE INDEX "ErrorComment_groupId_createdAt_idx" ON "ErrorComment"("groupId", "createdAt");

-- AddForeignKey
ALTER TABLE "ErrorGroupTag" ADD CONSTRAINT "ErrorGroupTag_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorComment" ADD CONSTRAINT "ErrorComment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill the tag rollup from the occurrences stored so far: environment, release, user and the
-- events' own tags (browser / OS / device / runtime are derived at ingest from here on).
INSERT INTO "ErrorGroupTag" ("groupId", key, value, "workspaceId", count, "firstSeen", "lastSeen")
SELECT o."groupId", t.key, left(t.value, 200), o."workspaceId", count(*)::int, min(o."occurredAt"), max(o."occurredAt")
FROM "ErrorOccurrence" o
CROSS JOIN LATERAL (
  SELECT 'environment' AS key, o.environment AS value WHERE o.environment IS NOT NULL
  UNION ALL SELECT 'release', o.release WHERE o.release IS NOT NULL
  UNION ALL SELECT 'user', o."userId" WHERE o."userId" IS NOT NULL
  UNION ALL
  SELECT e.key, e.value FROM jsonb_each_text(CASE WHEN jsonb_typeof(o.tags) = 'object' THEN o.tags ELSE '{}'::jsonb END) AS e(key, value)
  WHERE e.key NOT IN ('environment', 'release', 'user', 'browser', 'browser.name', 'os', 'os.name', 'device', 'runtime', 'runtime.name')
    AND length(e.key) BETWEEN 1 AND 200 AND e.value IS NOT NULL AND e.value <> ''
) t
GROUP BY o."groupId", t.key, left(t.value, 200), o."workspaceId";
