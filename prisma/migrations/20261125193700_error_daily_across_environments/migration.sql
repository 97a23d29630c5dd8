-- ErrorDaily keeps one row per group and UTC day, summed across environments: the 30-day views
-- read fewer rows, and a row count per day is the number of distinct errors. Views filtered by
-- environment read ErrorHourly, which keeps the environment.
CREATE TEMP TABLE "ErrorDaily_merged" ON COMMIT DROP AS
  SELECT "groupId", day, "workspaceId", "projectId", max(severity) AS severity, sum(count)::int AS count, sum("creditsLost") AS "creditsLost"
  FROM "ErrorDaily" GROUP BY "groupId", day, "workspaceId", "projectId";

DELETE FROM "ErrorDaily";

ALTER TABLE "ErrorDaily" DROP CONSTRAINT "ErrorDaily_pkey",
  DROP COLUMN "environment",
  ADD CONSTRAINT "ErrorDaily_pkey" PRIMARY KEY ("groupId", "day");

INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count, "creditsLost")
  SELECT "groupId", day, "workspaceId", "projectId", severity, count, "creditsLost" FROM "ErrorDaily_merged";
