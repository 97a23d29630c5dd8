/**
 * npm run bench:notifications — what the workflow-notifications job costs the database at scale.
 *
 * On a fresh embedded PostgreSQL (or BENCH_DATABASE_URL, which it leaves the workspace in), it seeds
 * a workspace of NOTIFY_MEMBERS people in teams of ten, NOTIFY_GROUPS issues each assigned to a
 * person or a team with a comment or two, and NOTIFY_BACKLOG older notifications per person. Then it
 * times the job's turns: NOTIFY_REGRESSIONS issues regressing in one ingest transaction (a deploy
 * gone wrong), a bulk assignment of 1,000 issues, a turn with nothing new (the steady cost every 3
 * s), and one person's inbox (first page and unread count) — and prints the notifications made.
 */
import { startBenchDatabase } from "@/scripts/bench/benchApp";

const MEMBERS = Number(process.env.NOTIFY_MEMBERS ?? 200);
const GROUPS = Number(process.env.NOTIFY_GROUPS ?? 50_000);
const REGRESSIONS = Number(process.env.NOTIFY_REGRESSIONS ?? 5_000);
const BACKLOG = Number(process.env.NOTIFY_BACKLOG ?? 2_000);

async function main() {
  const database = await startBenchDatabase(Number(process.env.BENCH_PG_PORT ?? 5472));
  process.env.DATABASE_URL = database.url;
  const { pool, endPools } = await import("@/lib/db/pool");
  const { runWorkflowNotifications } = await import("@/lib/notifications/runWorkflowNotifications");
  const { listNotifications } = await import("@/lib/notifications/listNotifications");
  const { createUser } = await import("@/lib/users/createUser");
  const { createWorkspace } = await import("@/lib/workspaces/createWorkspace");
  const { createProject } = await import("@/lib/projects/createProject");
  const db = pool();
  const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const out = await fn();
    console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
    return out;
  };

  try {
    const tag = Date.now().toString(36);
    const owner = await createUser({ email: `owner-${tag}@bench.test`, name: "Owner", passwordHash: "x" });
    const workspace = await createWorkspace({ name: `Notifications bench ${tag}`, ownerId: owner.id });
    const project = await createProject({ workspaceId: workspace.id, name: "App" });
    const { people, groups } = await time(`seed ${MEMBERS} members, ${GROUPS} issues, ${BACKLOG} older notifications each`, async () => {
      await db.query(
        `INSERT INTO "User" (id, email, name, "passwordHash") SELECT gen_random_uuid(), 'member-' || i || '-' || $1 || '@bench.test', 'Member ' || i, 'x' FROM generate_series(1, $2) i`,
        [tag, MEMBERS - 1],
      );
      await db.query(`INSERT INTO "Membership" ("userId", "workspaceId", role) SELECT id, $1::uuid, 'member' FROM "User" WHERE email LIKE $2`, [workspace.id, `member-%-${tag}@bench.test`]);
      const people = (await db.query<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1 ORDER BY "userId"`, [workspace.id])).rows.map((r) => r.userId);
      await db.query(`INSERT INTO "Team" (id, "workspaceId", name) SELECT gen_random_uuid(), $1::uuid, 'Team ' || t FROM generate_series(0, $2) t`, [workspace.id, Math.ceil(MEMBERS / 10) - 1]);
      const teams = (await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 ORDER BY name`, [workspace.id])).rows.map((r) => r.id);
      await db.query(`INSERT INTO "TeamMember" ("teamId", "userId") SELECT ($1::uuid[])[1 + (i - 1) / 10], ($2::uuid[])[i] FROM generate_series(1, $3) i`, [teams, people, people.length]);
      await db.query(
        `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, status, "firstSeen", "lastSeen", "updatedAt",
                                   "assigneeId", "assigneeTeamId", "resolvedById", "resolvedAt")
         SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'bench-' || lpad(i::text, 6, '0'), 'BenchError', 'failure ' || i, 'high', 'runtime', 'system', 'resolved', now(), now(), now(),
                CASE WHEN i % 2 = 0 THEN ($4::uuid[])[1 + i % cardinality($4::uuid[])] END,
                CASE WHEN i % 2 = 1 THEN ($5::uuid[])[1 + (i / 2) % cardinality($5::uuid[])] END,
                ($4::uuid[])[1 + (i * 7) % cardinality($4::uuid[])], now()
           FROM generate_series(0, $3 - 1) i`,
        [workspace.id, project.id, GROUPS, people, teams],
      );
      const groups = (await db.query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY fingerprint`, [project.id])).rows.map((r) => r.id);
      // Comments a week old (outside the job's window): one or two per issue, by people who then take part.
      await db.query(
        `INSERT INTO "ErrorComment" (id, "workspaceId", "groupId", "authorId", body, "createdAt")
         SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[i], ($3::uuid[])[1 + (i * 13) % cardinality($3::uuid[])], 'looked at it', now() - interval '7 days' FROM generate_series(1, cardinality($2::uuid[])) i
         UNION ALL
         SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[i], ($3::uuid[])[1 + (i * 17) % cardinality($3::uuid[])], 'same here', now() - interval '7 days' FROM generate_series(1, cardinality($2::uuid[])) i WHERE i % 3 = 0`,
        [workspace.id, groups, people],
      );
      await db.query(
        `INSERT INTO "UserNotification" (id, "userId", "workspaceId", "groupId", kind, "sourceId", "createdAt", "readAt")
         SELECT gen_random_uuid(), ($2::uuid[])[p], $1::uuid, ($3::uuid[])[1 + (p * $4 + n) % cardinality($3::uuid[])], 'commented', gen_random_uuid(),
                now() - interval '8 days' + n * interval '1 minute', CASE WHEN n % 4 = 0 THEN NULL ELSE now() END
           FROM generate_series(1, cardinality($2::uuid[])) p CROSS JOIN generate_series(1, $4) n`,
        [workspace.id, people, groups, BACKLOG],
      );
      await db.query(`ANALYZE`);
      return { people, groups };
    });
    // The cursor starts now: the seed's week-old comments are outside the window.
    await runWorkflowNotifications();

    await db.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       SELECT gen_random_uuid(), $1::uuid, NULL, 'system', 'error.regressed', 'error', g::text, '{"status":"resolved"}', '{"status":"new"}' FROM unnest($2::uuid[]) g`,
      [workspace.id, groups.slice(0, REGRESSIONS)],
    );
    const regressed = await time(`turn after ${REGRESSIONS} regressions in one transaction`, () => runWorkflowNotifications());
    console.log(`  ${regressed.sources} causes, ${regressed.created} notifications (${(regressed.created / Math.max(1, regressed.sources)).toFixed(1)} per cause)`);

    await db.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'user', 'error.updated', 'error', ($3::uuid[])[i]::text, '{"assigneeId":null}', jsonb_build_object('assigneeId', ($4::uuid[])[1 + i % cardinality($4::uuid[])])
         FROM generate_series(1, cardinality($3::uuid[])) i`,
      [workspace.id, owner.id, groups.slice(REGRESSIONS, REGRESSIONS + 1000), people],
    );
    const assigned = await time("turn after a bulk assignment of 1,000 issues", () => runWorkflowNotifications());
    console.log(`  ${assigned.sources} causes, ${assigned.created} notifications`);
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await runWorkflowNotifications();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    console.log(`turn with nothing new (the steady cost, every 3 s): median ${samples[10].toFixed(1)} ms, max ${samples[19].toFixed(1)} ms (20 turns)`);

    const {
      rows: [busiest],
    } = await db.query<{ userId: string; n: number }>(`SELECT "userId", count(*)::int AS n FROM "UserNotification" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const auth = { kind: "user" as const, userId: busiest.userId, email: "x@bench.test", name: "x", memberships: [{ workspaceId: workspace.id, role: "member" as const }] };
    const inbox: number[] = [];
    let unread = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      unread = (await listNotifications(auth, { limit: 20 })).unreadCount;
      inbox.push(performance.now() - started);
    }
    inbox.sort((a, b) => a - b);
    console.log(`inbox of the busiest person (${busiest.n} notifications, ${unread} unread), first page of 20 + unread count: median ${inbox[10].toFixed(1)} ms, max ${inbox[19].toFixed(1)} ms`);
    const {
      rows: [size],
    } = await db.query<{ rows: number; bytes: string }>(`SELECT count(*)::int AS rows, pg_size_pretty(pg_total_relation_size('"UserNotification"')) AS bytes FROM "UserNotification"`);
    console.log(`UserNotification: ${size.rows} rows, ${size.bytes} with indexes`);
  } finally {
    await endPools();
    await database.stop();
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
