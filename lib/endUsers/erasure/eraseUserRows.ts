import type pg from "pg";
import { erasedUserIds, identifierPattern, type EndUserIdentifiers } from "@/lib/endUsers/erasureTerms";

/** What replaces an erased email or IP address in text that stays (an issue's title, a comment). */
export const ERASED = "[erased]";

/**
 * The end user's rows that are not events, once their events are gone (lib/endUsers/erasure/eraseEvents.ts),
 * in the caller's transaction: everything kept per user id — the per-issue user sets (each issue's
 * users count one less), the per-user rollups (ActorCount, ActorFiveMinute, UserDaily, UserWeekly),
 * the `user` values of the tag rollups and of merged fingerprints' counts, the events' pending
 * per-user counts (their agents' counts stay) —; tag values that are their email or address; the
 * user feedback they sent (by its email, or naming them) with its files; forwarded copies naming
 * them; and where they are named in what stays — an issue's title, stack, exception chain and kept
 * context, comments, alert titles and notification excerpts — the email or address is replaced by
 * "[erased]". (An issue keeps no end user of its first event: lib/ingest/groupContext.ts.) Returns
 * rows deleted or rewritten per table.
 */
export async function eraseUserRows(client: pg.PoolClient, workspaceId: string, ids: EndUserIdentifiers): Promise<Record<string, number>> {
  const { exact, lower } = erasedUserIds(ids);
  const pattern = identifierPattern(ids);
  const done: Record<string, number> = {};
  const note = (table: string, n: number | null) => {
    if (n) done[table] = (done[table] ?? 0) + n;
  };
  const isUser = (column: string) => `(${column} = ANY($2::text[]) OR lower(${column}) = ANY($3::text[]))`;
  const args = [workspaceId, exact, lower];
  const run = async (table: string, sql: string, values: unknown[] = args) => note(table, (await client.query(sql, values)).rowCount);

  // First, so a fold that had taken them has committed before their rollup rows go (it waits on these rows, or they wait on it).
  await run("ActorPending", `UPDATE "ActorPending" SET "userId" = NULL WHERE "workspaceId" = $1::uuid AND ${isUser(`"userId"`)}`);
  const { rows: users } = await client.query<{ groupId: string; n: number }>(
    `WITH gone AS (
       DELETE FROM "ErrorGroupUser" u USING "ErrorGroup" g WHERE g.id = u."groupId" AND g."workspaceId" = $1::uuid AND ${isUser(`u."userId"`)} RETURNING u."groupId"
     ), counted AS (
       UPDATE "ErrorGroup" g SET "usersAffected" = greatest(g."usersAffected" - x.n, 0), "updatedAt" = now()
       FROM (SELECT "groupId", count(*)::int AS n FROM gone GROUP BY 1) x WHERE g.id = x."groupId"
       RETURNING g.id
     )
     SELECT "groupId", count(*)::int AS n FROM gone GROUP BY 1`,
    args,
  );
  note("ErrorGroupUser", users.reduce((sum, u) => sum + u.n, 0));
  await run("ActorCount", `DELETE FROM "ActorCount" WHERE "workspaceId" = $1::uuid AND kind = 'user' AND ${isUser(`"actorId"`)}`);
  await run("ActorFiveMinute", `DELETE FROM "ActorFiveMinute" WHERE "workspaceId" = $1::uuid AND kind = 'user' AND ${isUser(`"actorId"`)}`);
  await run("UserDaily", `DELETE FROM "UserDaily" WHERE "workspaceId" = $1::uuid AND ${isUser(`"userId"`)}`);
  await run("UserWeekly", `DELETE FROM "UserWeekly" WHERE "workspaceId" = $1::uuid AND ${isUser(`"userId"`)}`);
  await run(
    "GroupFingerprintActor",
    `DELETE FROM "GroupFingerprintActor" a USING "ErrorGroup" g WHERE g.id = a."groupId" AND g."workspaceId" = $1::uuid AND a.kind = 'user' AND ${isUser(`a."actorId"`)}`,
  );

  // Tag values: the user's own, and any value that is their email or address.
  const named = (column: string) => (pattern ? ` OR ${column} ~* $4` : "");
  const withPattern = pattern ? [...args, pattern] : args;
  await run("ErrorGroupTag", `DELETE FROM "ErrorGroupTag" WHERE "workspaceId" = $1::uuid AND ((key = 'user' AND ${isUser("value")})${named("value")})`, withPattern);
  await run(
    "GroupFingerprintTag",
    `DELETE FROM "GroupFingerprintTag" t USING "ErrorGroup" g WHERE g.id = t."groupId" AND g."workspaceId" = $1::uuid AND ((t.key = 'user' AND ${isUser("t.value")})${named("t.value")})`,
    withPattern,
  );

  if (pattern) {
    const scrub = (column: string) => `regexp_replace(${column}, $2, '${ERASED}', 'gi')`;
    const scrubJson = (column: string) => `${scrub(`${column}::text`)}::jsonb`;
    const patternArgs = [workspaceId, pattern];
    await run(
      "ErrorGroup (text)",
      `UPDATE "ErrorGroup" SET message = ${scrub("message")}, "stackTrace" = ${scrub(`"stackTrace"`)}, context = ${scrubJson("context")},
         exceptions = ${scrubJson("exceptions")}, frames = ${scrubJson("frames")}, resolution = ${scrub("resolution")}, "rootCause" = ${scrub(`"rootCause"`)}, "updatedAt" = now()
       WHERE "workspaceId" = $1::uuid AND concat_ws(' ', message, "stackTrace", context::text, exceptions::text, frames::text, resolution, "rootCause") ~* $2`,
      patternArgs,
    );
    await run("ErrorComment", `UPDATE "ErrorComment" SET body = ${scrub("body")} WHERE "workspaceId" = $1::uuid AND body ~* $2`, patternArgs);
    await run("Alert", `UPDATE "Alert" SET title = ${scrub("title")}, "updatedAt" = now() WHERE "workspaceId" = $1::uuid AND title ~* $2`, patternArgs);
    await run("UserNotification", `UPDATE "UserNotification" SET detail = ${scrubJson("detail")} WHERE "workspaceId" = $1::uuid AND detail::text ~* $2`, patternArgs);
    await run("ForwardingDelivery", `DELETE FROM "ForwardingDelivery" WHERE "workspaceId" = $1::uuid AND payload::text ~* $2`, patternArgs);
  }

  // Feedback they sent (by its email) or that names them, with the files sent with it.
  const { rows: feedback } = await client.query<{ projectId: string; eventId: string | null }>(
    `DELETE FROM "UserFeedback" WHERE "workspaceId" = $1::uuid AND (lower(email) = ANY($2::text[])${pattern ? ` OR concat_ws(' ', name, email, comments, url) ~* $3` : ""})
     RETURNING "projectId", CASE WHEN source = 'feedback' THEN key END AS "eventId"`,
    pattern ? [workspaceId, lower, pattern] : [workspaceId, lower],
  );
  note("UserFeedback", feedback.length);
  const files = feedback.filter((f) => f.eventId !== null);
  if (files.length) {
    await run(
      "EventAttachment",
      `DELETE FROM "EventAttachment" a USING jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, "eventId" text) WHERE a."projectId" = x."projectId" AND a."eventId" = x."eventId"`,
      [JSON.stringify(files)],
    );
  }
  return done;
}
