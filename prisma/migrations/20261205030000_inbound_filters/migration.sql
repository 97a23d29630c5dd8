-- Inbound filters: per-project settings, and a count of the events they dropped.
ALTER TABLE "Project" ADD COLUMN "inboundFilters" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "IngestMinute" ADD COLUMN "filtered" INTEGER NOT NULL DEFAULT 0;
