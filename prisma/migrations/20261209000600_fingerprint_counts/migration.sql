-- AlterTable
ALTER TABLE "ErrorGroup" ADD COLUMN     "tracksOwnActors" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ErrorEventId" ADD COLUMN     "fingerprint" TEXT;

-- CreateTable
CREATE TABLE "GroupFingerprintCount" (
    "groupId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "sampled" INTEGER NOT NULL DEFAULT 0,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "executionsAffected" INTEGER NOT NULL DEFAULT 0,
    "firstSeen" TIMESTAMPTZ(3),
    "lastSeen" TIMESTAMPTZ(3),
    "lastSampledAt" TIMESTAMPTZ(3),
    "exact" BOOLEAN NOT NULL DEFAULT true,
    "actorsExact" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "GroupFingerprintCount_pkey" PRIMARY KEY ("groupId","fingerprint")
);

-- CreateTable
CREATE TABLE "GroupFingerprintBucket" (
    "groupId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "span" INTEGER NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "projectId" UUID NOT NULL,
    "count" INTEGER NOT NULL,
    "creditsLost" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "GroupFingerprintBucket_pkey" PRIMARY KEY ("groupId","fingerprint","span","bucket","environment")
);

-- CreateTable
CREATE TABLE "GroupFingerprintTag" (
    "groupId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GroupFingerprintTag_pkey" PRIMARY KEY ("groupId","fingerprint","key","value")
);

-- CreateTable
CREATE TABLE "GroupFingerprintActor" (
    "groupId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GroupFingerprintActor_pkey" PRIMARY KEY ("groupId","fingerprint","kind","actorId")
);

-- CreateIndex
CREATE INDEX "GroupFingerprintBucket_bucket_idx" ON "GroupFingerprintBucket"("bucket");

-- AddForeignKey
ALTER TABLE "GroupFingerprintCount" ADD CONSTRAINT "GroupFingerprintCount_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFingerprintTag" ADD CONSTRAINT "GroupFingerprintTag_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFingerprintActor" ADD CONSTRAINT "GroupFingerprintActor_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The pairs that may already hold events (every merged or grouping-upgrade fingerprint leading to an
-- issue): their counts start now, so they are not exact; unmerging one falls back to the stored
-- occurrences and says so. Pairs that appear from now on are counted from their first event.
INSERT INTO "GroupFingerprintCount" ("groupId", "fingerprint", "exact", "actorsExact")
SELECT gf."groupId", gf."fingerprint", false, false
FROM "GroupFingerprint" gf JOIN "ErrorGroup" g ON g.id = gf."groupId"
WHERE gf."fingerprint" <> g."fingerprint"
ON CONFLICT DO NOTHING;
