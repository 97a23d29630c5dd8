-- Grouping version 2 (issue 10): exception chains are one event; fingerprints can lead to another
-- group (merges, grouping upgrades); per-project grouping rules.

-- AlterTable
ALTER TABLE "ErrorGroup" ADD COLUMN     "exceptions" JSONB;

-- AlterTable
ALTER TABLE "ErrorOccurrence" ADD COLUMN     "exceptions" JSONB,
ADD COLUMN     "fingerprint" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "groupingRules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "legacyGroupingUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "GroupFingerprint" (
    "projectId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "groupId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupFingerprint_pkey" PRIMARY KEY ("projectId","fingerprint")
);

-- CreateIndex
CREATE INDEX "GroupFingerprint_groupId_idx" ON "GroupFingerprint"("groupId");

-- AddForeignKey
ALTER TABLE "GroupFingerprint" ADD CONSTRAINT "GroupFingerprint_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ErrorGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing projects keep their issues through the upgrade: for 90 days an event whose new
-- fingerprint has no issue joins the issue of its grouping-version-1 fingerprint.
UPDATE "Project" SET "legacyGroupingUntil" = now() + interval '90 days'
WHERE EXISTS (SELECT 1 FROM "ErrorGroup" g WHERE g."projectId" = "Project".id);

-- Similar issues compare messages with pg_trgm where the server has it (contrib); without it the
-- app compares them itself (lib/grouping/similar).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm not created (insufficient privilege); similar issues use the built-in comparison';
END $$;

-- fold-chained-occurrences:begin
-- The old Sentry mapping stored each chained exception (cause, exception-group member) as an extra
-- occurrence "<eventId>-c<n>" linked to the raised one, in an issue of its own: every such event was
-- counted twice or more. Those copies are folded into the raised exception's occurrence (its chain)
-- and removed, with every counter and rollup they touched corrected.
CREATE TEMP TABLE fold_children ON COMMIT DROP AS
SELECT c.id, c."eventId", c."groupId", c."projectId", c."workspaceId", c."occurredAt", coalesce(c.environment, '') AS environment,
  c."userId", c."agentId", c."creditsLost", c."executionsAffected", c."parentOccurrenceId", c.message, c."stackTrace",
  (c.metadata -> 'sentry' ->> 'chainIndex')::int AS chain_index, g.type, g.severity,
  (c."occurredAt" AT TIME ZONE 'UTC')::date AS day,
  p.id AS parent_id, p."groupId" AS parent_group_id
FROM "ErrorOccurrence" c
JOIN "ErrorGroup" g ON g.id = c."groupId"
LEFT JOIN "ErrorOccurrence" p ON p."projectId" = c."projectId" AND p."eventId" = c."parentEventId"
WHERE c."parentEventId" IS NOT NULL
  AND c.metadata -> 'sentry' ->> 'chainedFrom' = c."parentEventId"
  AND (c.metadata -> 'sentry' ->> 'chainIndex') ~ '^[0-9]{1,4}$'
  AND c."eventId" = c."parentEventId" || '-c' || (c.metadata -> 'sentry' ->> 'chainIndex');

-- The raised exception's occurrence gets its chain (each cause's trace text, as it was stored).
UPDATE "ErrorOccurrence" p
SET exceptions = jsonb_build_array(jsonb_build_object('type', pg.type, 'message', p.message, 'relation', 'raised', 'frames', '[]'::jsonb, 'stackTrace', p."stackTrace")) || x.causes
FROM (
  SELECT parent_id, jsonb_agg(jsonb_build_object('type', type, 'message', message, 'relation', 'cause', 'frames', '[]'::jsonb, 'stackTrace', "stackTrace") ORDER BY chain_index) AS causes
  FROM fold_children WHERE parent_id IS NOT NULL GROUP BY parent_id
) x, "ErrorGroup" pg
WHERE p.id = x.parent_id AND pg.id = p."groupId" AND p.exceptions IS NULL;

-- Cascades the links counted.
UPDATE "ErrorGroup" g SET "cascadingFailures" = greatest(0, g."cascadingFailures" - x.n)
FROM (SELECT parent_group_id, count(*)::int AS n FROM fold_children WHERE "parentOccurrenceId" IS NOT NULL GROUP BY 1) x
WHERE g.id = x.parent_group_id;
UPDATE "CascadeDaily" cd SET count = cd.count - x.n, "creditsLost" = cd."creditsLost" - x.credits
FROM (SELECT parent_group_id, "groupId", day, count(*)::int AS n, sum("creditsLost") AS credits FROM fold_children WHERE "parentOccurrenceId" IS NOT NULL GROUP BY 1, 2, 3) x
WHERE cd."parentGroupId" = x.parent_group_id AND cd."childGroupId" = x."groupId" AND cd.day = x.day;
DELETE FROM "CascadeDaily" WHERE count <= 0;

-- Per-group rollups.
UPDATE "ErrorHourly" h SET count = h.count - x.n, "creditsLost" = h."creditsLost" - x.credits
FROM (SELECT "groupId", date_trunc('hour', "occurredAt") AS bucket, environment, count(*)::int AS n, sum("creditsLost") AS credits FROM fold_children GROUP BY 1, 2, 3) x
WHERE h."groupId" = x."groupId" AND h.bucket = x.bucket AND h.environment = x.environment;
DELETE FROM "ErrorHourly" WHERE count <= 0 AND "groupId" IN (SELECT "groupId" FROM fold_children);

CREATE TEMP TABLE fold_daily ON COMMIT DROP AS
SELECT d."groupId", d.day, d."workspaceId", d."projectId", d.severity, x.n, x.credits, (d.count - x.n <= 0) AS emptied
FROM "ErrorDaily" d
JOIN (SELECT "groupId", day, count(*)::int AS n, sum("creditsLost") AS credits FROM fold_children GROUP BY 1, 2) x ON x."groupId" = d."groupId" AND x.day = d.day;
UPDATE "ErrorDaily" d SET count = d.count - f.n, "creditsLost" = d."creditsLost" - f.credits
FROM fold_daily f WHERE d."groupId" = f."groupId" AND d.day = f.day;
DELETE FROM "ErrorDaily" WHERE count <= 0 AND "groupId" IN (SELECT "groupId" FROM fold_children);

UPDATE "ErrorWeekly" w SET count = w.count - x.n, "creditsLost" = w."creditsLost" - x.credits
FROM (SELECT "groupId", day - (extract(isodow FROM day)::int - 1) AS week, count(*)::int AS n, sum("creditsLost") AS credits FROM fold_children GROUP BY 1, 2) x
WHERE w."groupId" = x."groupId" AND w.week = x.week;
DELETE FROM "ErrorWeekly" WHERE count <= 0 AND "groupId" IN (SELECT "groupId" FROM fold_children);

-- Per-project daily totals: events, and distinct errors for every group-day that emptied (shard 0
-- takes the correction; readers sum the shards).
INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
SELECT "workspaceId", "projectId", day, severity, 0, -sum(n)::int, -(count(*) FILTER (WHERE emptied))::int
FROM fold_daily GROUP BY 1, 2, 3, 4
ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
  count = "ProjectDaily".count + excluded.count, errors = "ProjectDaily".errors + excluded.errors;

-- Per-user and per-agent daily/weekly event counts.
UPDATE "UserDaily" u SET count = u.count - x.n
FROM (SELECT "workspaceId", "projectId", day, "userId", count(*)::int AS n FROM fold_children WHERE "userId" IS NOT NULL GROUP BY 1, 2, 3, 4) x
WHERE u."workspaceId" = x."workspaceId" AND u."projectId" = x."projectId" AND u.day = x.day AND u."userId" = x."userId";
DELETE FROM "UserDaily" WHERE count <= 0;
UPDATE "UserWeekly" u SET count = u.count - x.n
FROM (SELECT "workspaceId", "projectId", day - (extract(isodow FROM day)::int - 1) AS week, "userId", count(*)::int AS n FROM fold_children WHERE "userId" IS NOT NULL GROUP BY 1, 2, 3, 4) x
WHERE u."workspaceId" = x."workspaceId" AND u."projectId" = x."projectId" AND u.week = x.week AND u."userId" = x."userId";
DELETE FROM "UserWeekly" WHERE count <= 0;
UPDATE "AgentDaily" a SET count = a.count - x.n
FROM (SELECT "workspaceId", "projectId", day, "agentId", count(*)::int AS n FROM fold_children WHERE "agentId" IS NOT NULL GROUP BY 1, 2, 3, 4) x
WHERE a."workspaceId" = x."workspaceId" AND a."projectId" = x."projectId" AND a.day = x.day AND a."agentId" = x."agentId";
DELETE FROM "AgentDaily" WHERE count <= 0;

-- The copies go; then each touched group's counters come from what it still holds.
DELETE FROM "ErrorOccurrence" WHERE id IN (SELECT id FROM fold_children);
DELETE FROM "ErrorEventId" e USING fold_children f WHERE e."projectId" = f."projectId" AND e."eventId" = f."eventId";

UPDATE "ErrorGroup" g SET "occurrenceCount" = g."occurrenceCount" - x.n, "creditsLost" = g."creditsLost" - x.credits,
  "executionsAffected" = g."executionsAffected" - x.executions
FROM (SELECT "groupId", count(*)::int AS n, sum("creditsLost") AS credits, sum("executionsAffected")::int AS executions FROM fold_children GROUP BY 1) x
WHERE g.id = x."groupId";

DELETE FROM "ErrorGroupUser" gu WHERE gu."groupId" IN (SELECT "groupId" FROM fold_children)
  AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."groupId" = gu."groupId" AND o."userId" = gu."userId");
DELETE FROM "ErrorGroupAgent" ga WHERE ga."groupId" IN (SELECT "groupId" FROM fold_children)
  AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."groupId" = ga."groupId" AND o."agentId" = ga."agentId");
UPDATE "ErrorGroup" g SET
  "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" gu WHERE gu."groupId" = g.id),
  "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" ga WHERE ga."groupId" = g.id),
  "firstSeen" = coalesce((SELECT min(o."occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id), g."firstSeen"),
  "lastSeen" = coalesce((SELECT max(o."occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id), g."lastSeen")
WHERE g.id IN (SELECT "groupId" FROM fold_children);

-- Issues that only ever held such copies disappear (their alerts with them).
CREATE TEMP TABLE fold_empty ON COMMIT DROP AS
SELECT g.id FROM "ErrorGroup" g
WHERE g.id IN (SELECT "groupId" FROM fold_children) AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."groupId" = g.id);
DELETE FROM "ErrorHourly" WHERE "groupId" IN (SELECT id FROM fold_empty);
DELETE FROM "ErrorDaily" WHERE "groupId" IN (SELECT id FROM fold_empty);
DELETE FROM "ErrorWeekly" WHERE "groupId" IN (SELECT id FROM fold_empty);
DELETE FROM "ErrorGroupUser" WHERE "groupId" IN (SELECT id FROM fold_empty);
DELETE FROM "ErrorGroupAgent" WHERE "groupId" IN (SELECT id FROM fold_empty);
DELETE FROM "CascadeDaily" WHERE "parentGroupId" IN (SELECT id FROM fold_empty) OR "childGroupId" IN (SELECT id FROM fold_empty);
DELETE FROM "ErrorGroup" WHERE id IN (SELECT id FROM fold_empty);
-- fold-chained-occurrences:end
