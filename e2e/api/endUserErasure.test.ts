import { randomBytes } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { runToEnd } from "@/e2e/support/childProcess";
import { query } from "@/e2e/support/dbCounts";
import { expectViewMatchesOccurrences, issueLeftovers, MORE_ROLLUP_CHECKS } from "@/e2e/support/deletionChecks";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { expectRollupsMatchOccurrences } from "@/e2e/support/rollupChecks";
import { addBlogProject, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Rows of every table of the database whose text holds `needle` anywhere (the reviewer's scan.sql):
 * found from the catalogue, not from the lists the erasure walks. `{}` when nothing names it.
 */
async function rowsNaming(needle: string): Promise<Record<string, number>> {
  const tables = await query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`,
  );
  const found: Record<string, number> = {};
  for (const { table } of tables) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text ILIKE $1`, [`%${needle}%`]);
    if (n > 0) found[table] = n;
  }
  return found;
}

/**
 * POST /api/v1/workspaces/:id/end-users/erase: an end user with events in two projects — by user id,
 * by email (a Sentry event without user.id), by IP address (in another user's event) and quoted in a
 * message —, an issue only they had, an issue whose first event was theirs, files, user feedback, a
 * comment quoting them. Afterwards nothing in the database names them, every count and rollup equals
 * what the remaining events say, and everyone else's events are untouched.
 */
describe("erasing an end user", { timeout: 180_000 }, () => {
  let t: Tenant;
  let blog: { id: string; key: string };
  let admin: string;
  const tag = randomBytes(4).toString("hex");
  const userId = `gdpr-user-${tag}`;
  const email = `GDPR-${tag}@Victim.example`;
  const ip = `2001:db8:${tag.slice(0, 4)}::${tag.slice(4)}`;
  const issues: Record<string, string> = {};
  let othersBefore = 0;
  let theirs = 0;

  const ingest = async (key: string, events: unknown[]) => {
    const res = await postEvents(key, events);
    expect(res.status).toBe(202);
    return (await res.json()).accepted as { eventId: string; groupId: string }[];
  };

  beforeAll(async () => {
    t = await createTenant("erasure");
    blog = await addBlogProject(t);
    admin = await login(t.admin);
    const now = Date.now();
    const at = (i: number) => new Date(now - (i % 6) * DAY - (i % 5) * HOUR - (i % 3) * 600_000).toISOString();
    const event = (type: string, i: number, user: string | undefined, extra: Record<string, unknown> = {}) => ({
      type,
      message: `${type} ${i}`,
      fingerprint: [type],
      severity: ["low", "medium", "high", "critical"][i % 4],
      occurredAt: at(i),
      userId: user,
      agentId: i % 2 ? `agent-${i % 3}` : undefined,
      environment: i % 3 ? "production" : "staging",
      release: `shop@2.${i % 2}`,
      tags: { plan: i % 2 ? "pro" : "free" },
      recovery: i % 4 === 3 ? { recovered: true, method: "retry", durationMs: 250 + i, automatic: true } : undefined,
      ...extra,
    });
    // An issue only they had; one whose first event was theirs; one whose first event quotes their email; one they never had.
    await ingest(t.key, [0, 1, 2].map((i) => event("OnlyTheirs", i, userId)));
    await ingest(t.key, [event("Shared", 0, userId, { occurredAt: new Date(now - 7 * DAY).toISOString(), metadata: { contact: email } })]);
    await ingest(t.key, [...[1, 2, 3, 4].map((i) => event("Shared", i, userId)), ...[5, 6, 7, 8, 9, 10].map((i) => event("Shared", i, `other-${i % 3}`))]);
    await ingest(t.key, [event("Mention", 0, "support-bot", { message: `password reset failed for ${email.toLowerCase()}`, occurredAt: new Date(now - 8 * DAY).toISOString() })]);
    await ingest(t.key, [1, 2, 3].map((i) => event("Mention", i, `other-${i}`)));
    await ingest(t.key, [0, 1, 2, 3, 4].map((i) => event("Unrelated", i, `other-${i % 2}`)));
    // In the blog: their address in another user's event, and a Sentry event of theirs without user.id (counted under their email) with a file and a report.
    await ingest(blog.key, [event("BlogError", 0, "someone-else", { metadata: { request: { headers: { "X-Forwarded-For": `${ip}, 10.0.0.1` } } } }), event("BlogError", 1, "someone-else")]);
    const sentryId = newEventId();
    const sent = await postRaw(
      sentryUrl((await query<{ publicId: number }>(`SELECT "publicId" FROM "Project" WHERE id = $1`, [blog.id]))[0].publicId, "envelope", `sentry_key=${blog.key}&sentry_version=7`),
      new Uint8Array(
        envelope({ event_id: sentryId }, [
          { type: "event", payload: errorEvent(sentryId, { user: { email, ip_address: ip }, release: "shop@2.0", environment: "production" }) },
          { type: "attachment", payload: `session of ${email}\n`, headers: { filename: "session.log", content_type: "text/plain" } },
          { type: "user_report", payload: JSON.stringify({ event_id: sentryId, name: "Victim", email, comments: "please fix" }) },
          // Feedback about an event never stored, naming them only by its email.
          { type: "user_report", payload: JSON.stringify({ event_id: newEventId(), name: "Victim", email, comments: "again" }) },
        ]),
      ),
    );
    expect(sent.status).toBe(200);
    for (const type of ["OnlyTheirs", "Shared", "Mention", "Unrelated", "BlogError", "TypeError"]) {
      issues[type] = (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "workspaceId" = $1 AND type = $2`, [t.workspaceId, type]))[0].id;
    }
    expect((await api("POST", `/api/v1/errors/${issues.Unrelated}/comments`, admin, { body: `Asked ${email.toLowerCase()} for the steps` })).status).toBe(201);
    [{ n: othersBefore }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "workspaceId" = $1 AND "userId" NOT IN ($2, $3)`,
      [t.workspaceId, userId, email],
    );
    // Their events: 3 + 5 by user id, the Sentry one by email, the quoting one and the one with their address.
    theirs = 3 + 5 + 1 + 1 + 1;
  });

  it("is refused to members, viewers and ingest keys, and needs at least one identifier", async () => {
    const path = `/api/v1/workspaces/${t.workspaceId}/end-users/erase`;
    expect((await api("POST", path, await login(t.member), { userId })).status).toBe(403);
    expect((await api("POST", path, await login(t.viewer), { userId })).status).toBe(403);
    expect((await api("POST", path, admin, {})).status).toBe(422);
    expect((await api("POST", path, admin, { ipAddress: "not-an-ip" })).body).toMatchObject({ error: { code: "validation_failed", issues: [{ path: "ipAddress" }] } });
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/end-users/erasures`, await login(t.member))).status).toBe(403);
  });

  it("deletes their events everywhere with what they counted, scrubs where they are quoted, and leaves no row naming them", async () => {
    // Something names them in many tables first, or the emptiness below would prove nothing.
    const before = { ...(await rowsNaming(userId)), ...(await rowsNaming(email)) };
    for (const table of ["ErrorOccurrence", "ErrorGroup", "ErrorGroupUser", "ErrorGroupTag", "UserFeedback", "ErrorComment", "ErrorEventId"]) {
      if (table !== "ErrorEventId") expect(before[table], table).toBeGreaterThan(0);
    }
    expect(await rowsNaming(ip)).toMatchObject({ ErrorOccurrence: 2 });

    const res = await api("POST", `/api/v1/workspaces/${t.workspaceId}/end-users/erase`, admin, { userId, email, ipAddress: ip.toUpperCase() });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "pending", identifiers: [{ kind: "userId" }, { kind: "email" }, { kind: "ipAddress" }] });
    expect(JSON.stringify(res.body).toLowerCase()).not.toContain(tag);
    const erasureId = res.body.id as string;

    // The project-deletion job, asked for a turn, runs it; the caller polls its status.
    const done = await waitFor(async () => {
      const status = await api("GET", `/api/v1/workspaces/${t.workspaceId}/end-users/erasures/${erasureId}`, admin);
      expect(status.status).toBe(200);
      return status.body.status === "done" ? status.body : undefined;
    }, 90_000, 250);
    expect(done).toMatchObject({ id: erasureId, events: theirs, lastError: null, requestedBy: { id: t.admin.id } });
    expect(done.identifiers).toEqual(res.body.identifiers);
    const list = await api("GET", `/api/v1/workspaces/${t.workspaceId}/end-users/erasures`, admin);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(erasureId);

    // Nothing anywhere names them: not the erasure's own row nor its audit entries (hashes only).
    for (const needle of [userId, email, ip]) expect(await rowsNaming(needle), needle).toEqual({});
    const audit = await query<{ action: string; actorId: string | null; after: { hashes: Record<string, string> } }>(
      `SELECT action, "actorId", after FROM "AuditLog" WHERE "workspaceId" = $1 AND "targetId" = $2 ORDER BY at`,
      [t.workspaceId, erasureId],
    );
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["end_user.erasure_requested", t.admin.id], ["end_user.erased", null]]);
    const hashes = Object.fromEntries(res.body.identifiers.map((i: { kind: string; sha256: string }) => [i.kind, i.sha256]));
    for (const entry of audit) expect(entry.after.hashes).toEqual(hashes);

    // The issue only they had is gone; the others keep exactly everyone else's events.
    await waitFor(async () => (Object.keys(await issueLeftovers([issues.OnlyTheirs])).length === 0 ? true : undefined), 30_000, 200);
    expect((await api("GET", `/api/v1/errors/${issues.OnlyTheirs}`, admin)).status).toBe(404);
    const [{ n: othersAfter }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "workspaceId" = $1`, [t.workspaceId]);
    // Everyone else's events stay, but for the two that quoted them (the support bot's, the one with their address).
    expect(othersAfter).toBe(othersBefore - 2);
    const shared = (await api("GET", `/api/v1/errors/${issues.Shared}`, admin)).body;
    expect(shared).toMatchObject({ occurrences: 6, impact: { usersAffected: 3 } });
    // An issue keeps no end user of its first event (theirs was first): nothing of them in what it keeps.
    expect(shared.context.userId).toBeUndefined();
    const mention = (await api("GET", `/api/v1/errors/${issues.Mention}`, admin)).body;
    expect(mention.message).toBe("password reset failed for [erased]");
    const comments = (await api("GET", `/api/v1/errors/${issues.Unrelated}/comments`, admin)).body;
    expect(JSON.stringify(comments)).toContain("Asked [erased] for the steps");

    // Every count of every remaining issue, tag and rollup equals what the remaining events say.
    const counters = await query<{ id: string; occurrences: number; users: number; stored: number; distinctUsers: number; userRows: number }>(
      `SELECT g.id, g."occurrenceCount" AS occurrences, g."usersAffected" AS users,
         (SELECT count(*)::int FROM "ErrorOccurrence" o WHERE o."groupId" = g.id) AS stored,
         (SELECT count(DISTINCT o."userId")::int FROM "ErrorOccurrence" o WHERE o."groupId" = g.id) AS "distinctUsers",
         (SELECT count(*)::int FROM "ErrorGroupUser" u WHERE u."groupId" = g.id) AS "userRows"
       FROM "ErrorGroup" g WHERE g."workspaceId" = $1`,
      [t.workspaceId],
    );
    for (const c of counters) expect({ occurrences: c.occurrences, users: c.users, userRows: c.userRows }, c.id).toEqual({ occurrences: c.stored, users: c.distinctUsers, userRows: c.distinctUsers });
    const tagRows = await query<{ groupId: string; key: string; value: string; count: number }>(
      `SELECT "groupId", key, value, count FROM "ErrorGroupTag" WHERE "workspaceId" = $1 AND key IN ('user', 'environment', 'release', 'plan') ORDER BY 1, 2, 3`,
      [t.workspaceId],
    );
    const tagTruth = await query<{ groupId: string; key: string; value: string; count: number }>(
      `SELECT o."groupId", k.key, k.value, count(*)::int AS count FROM "ErrorOccurrence" o
       CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('environment', o.environment), ('release', o.release), ('plan', o.tags ->> 'plan')) AS k(key, value)
       WHERE o."workspaceId" = $1 AND k.value IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [t.workspaceId],
    );
    expect(tagRows).toEqual(tagTruth);
    for (const projectId of [t.projectId, blog.id]) await expectRollupsMatchOccurrences(projectId, MORE_ROLLUP_CHECKS);
    for (const timeframe of ["1h", "24h", "7d", "30d"]) await expectViewMatchesOccurrences(t.workspaceId, admin, timeframe, { actors: true });
  });

  it("runs from the admin CLI too, and finds nothing of someone never seen", async () => {
    const stranger = `never-seen-${tag}`;
    const run = await runToEnd(process.execPath, ["scripts/runCli.mjs", "end-user:erase", t.workspaceId, "--user-id", stranger, "--json"], {
      cwd: root,
      env: process.env,
      timeoutMs: 120_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ workspaceId: t.workspaceId, identifiers: [{ kind: "userId" }] });
    expect(run.stdout).not.toContain(stranger);
    const erasure = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/end-users/erasures/${out.id}`, admin)).body;
    expect(erasure).toMatchObject({ status: "done", events: 0, requestedBy: null });
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "targetId" = $1 AND action = 'end_user.erasure_requested' AND "actorType" = 'cli'`, [out.id]);
    expect(n).toBe(1);
  });
});
