-- How many new events each discarded fingerprint has dropped, and the last one's arrival.
ALTER TABLE "DiscardedFingerprint" ADD COLUMN "events" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DiscardedFingerprint" ADD COLUMN "lastEventAt" TIMESTAMPTZ(3);
