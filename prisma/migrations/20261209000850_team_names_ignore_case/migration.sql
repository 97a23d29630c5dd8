-- A team's name is unique in its workspace ignoring case, like a project's ("Platform" and "platform"
-- were two teams, and the assignee pickers could not tell them apart). The unique index replaces the
-- case-sensitive one under the same name, so a clash is still the 409 naming `name`
-- (lib/http/uniqueViolation.ts reads the index name); Prisma cannot declare an expression index.
--
-- Teams already named alike are kept, not merged or refused: the oldest of each keeps its name, each
-- later one is renamed "<name> (2)", "(3)"… (the first suffix no team of the workspace has, ignoring
-- case), and the rename is in the workspace's audit trail as the system's "team.updated". Teams are
-- referenced by id everywhere (issues, rules, members), so nothing else changes.
DO $$
DECLARE
  t RECORD;
  n INT;
  candidate TEXT;
BEGIN
  FOR t IN
    SELECT id, "workspaceId", name
    FROM (
      SELECT id, "workspaceId", name, "createdAt",
             row_number() OVER (PARTITION BY "workspaceId", lower(name) ORDER BY "createdAt", id) AS rank
      FROM "Team"
    ) ranked
    WHERE rank > 1
    ORDER BY "workspaceId", lower(name), rank
  LOOP
    n := 2;
    LOOP
      candidate := t.name || ' (' || n || ')';
      EXIT WHEN NOT EXISTS (SELECT 1 FROM "Team" WHERE "workspaceId" = t."workspaceId" AND lower(name) = lower(candidate));
      n := n + 1;
    END LOOP;
    UPDATE "Team" SET name = candidate WHERE id = t.id;
    INSERT INTO "AuditLog" ("id", "workspaceId", "actorId", "actorType", "action", "targetType", "targetId", "before", "after")
    VALUES (gen_random_uuid(), t."workspaceId", NULL, 'system', 'team.updated', 'team', t.id::text,
            jsonb_build_object('name', t.name),
            jsonb_build_object('name', candidate, 'reason', 'team names are unique ignoring case'));
  END LOOP;
END $$;

-- DropIndex
DROP INDEX "Team_workspaceId_name_key";

-- CreateIndex
CREATE UNIQUE INDEX "Team_workspaceId_name_key" ON "Team" ("workspaceId", lower("name"));
