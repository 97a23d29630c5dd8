-- A project's additional sensitive fields, hidden at ingest on top of the built-in scrubbing.
ALTER TABLE "Project" ADD COLUMN "sensitiveFields" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
