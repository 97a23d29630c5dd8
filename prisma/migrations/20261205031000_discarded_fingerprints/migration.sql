-- "Discard new events" of an issue: fingerprints dropped at ingest.
CREATE TABLE "DiscardedFingerprint" (
    "projectId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "groupId" UUID NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscardedFingerprint_pkey" PRIMARY KEY ("projectId","fingerprint")
);

CREATE INDEX "DiscardedFingerprint_groupId_idx" ON "DiscardedFingerprint"("groupId");

ALTER TABLE "DiscardedFingerprint" ADD CONSTRAINT "DiscardedFingerprint_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
