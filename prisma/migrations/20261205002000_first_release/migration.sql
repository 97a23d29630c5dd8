-- The release an issue first appeared in: set at creation, filled here for existing issues from
-- their per-issue release rollup (the release whose first event came first).
ALTER TABLE "ErrorGroup" ADD COLUMN "firstRelease" TEXT;

UPDATE "ErrorGroup" g SET "firstRelease" = f.value
FROM (
  SELECT DISTINCT ON ("groupId") "groupId", value FROM "ErrorGroupTag" WHERE key = 'release' ORDER BY "groupId", "firstSeen", value
) f
WHERE f."groupId" = g.id;
