-- Recovery analysis reads occurrences that reported an outcome (`recovered` true or false): a few
-- percent of all events. The covering index it used held every occurrence (7 columns each, written
-- by every ingest) and lacked the environment and project, so a filtered view fetched each outcome's
-- heap row (seconds at 10M occurrences). This one holds only occurrences with an outcome, with every
-- column the analysis filters or aggregates on, so every recovery query is an index-only scan and
-- events without an outcome write one index entry fewer.
-- Building it on an existing database reads each partition once and holds writes to
-- "ErrorOccurrence" meanwhile (seconds per million occurrences; with the next migration's four
-- indexes about 75 s for 11 million on 2 cores, see docs/operations.md; ingest waits, loses nothing).
DROP INDEX IF EXISTS "ErrorOccurrence_workspaceId_recovered_occurredAt_groupId_re_idx";

CREATE INDEX "ErrorOccurrence_recovery_outcome_idx" ON "ErrorOccurrence" ("workspaceId", "recovered", "occurredAt")
  INCLUDE ("environment", "projectId", "groupId", "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic")
  WHERE "recovered" IS NOT NULL;
