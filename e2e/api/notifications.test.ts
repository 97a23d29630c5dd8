import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtpSink";
import { BASE_URL, addBlogProject, createTenant, createTestUser, getJson, login, patchJson, postEvents, type Tenant, type TestUser } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { sendNotificationEmails } from "@/lib/notifications/sendNotificationEmails";
import { sendWeeklyReports } from "@/lib/notifications/sendWeeklyReports";

/**
 * Workflow notifications over HTTP against the shared app: its workflow-notifications job (every
 * 3 s) turns assignments, comments, mentions, resolutions and regressions into the inbox of the
 * people taking part. Negative checks wait for a notification of the same source (or a later one)
 * to someone else first: the job handles a source's recipients in one statement.
 */
interface Notification {
  id: string;
  kind: string;
  text: string;
  readAt: string | null;
  actor: { id: string; name: string } | null;
  detail: Record<string, unknown>;
  issue: { id: string; type: string; projectName: string } | null;
  alert: { id: string; title: string; severity: string; status: string; projectName: string | null } | null;
}
interface Inbox {
  items: Notification[];
  unreadCount: number;
  nextCursor: string | null;
}

const send = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${BASE_URL}${path}`, { method, headers: { "content-type": "application/json", cookie }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("workflow notifications", () => {
  let t: Tenant;
  const cookies = new Map<TestUser, string>();
  let errorId: string;
  let sink: SmtpSink;
  const cookie = (u: TestUser) => cookies.get(u) as string;
  const inbox = async (u: TestUser, qs = ""): Promise<Inbox> => {
    const res = await getJson(`/api/v1/notifications${qs}`, { cookie: cookie(u) });
    expect(res.status).toBe(200);
    return res.json();
  };
  /** The user's notification of `kind` about `issueId` that `match` accepts, once the job has made it. */
  const told = (u: TestUser, kind: string, issueId: string, match: (n: Notification) => boolean = () => true) =>
    waitFor(async () => (await inbox(u)).items.find((n) => n.kind === kind && n.issue?.id === issueId && match(n)), 30_000, 250);
  const kindsOf = async (u: TestUser, issueId: string) => (await inbox(u, "?limit=100")).items.filter((n) => n.issue?.id === issueId).map((n) => n.kind);
  const ingest = async (type: string) => {
    const res = await postEvents(t.key, { events: [{ type, message: `${type} in checkout`, severity: "high" }] });
    expect(res.status).toBe(202);
    return (await res.json()).accepted[0].groupId as string;
  };
  const comment = async (u: TestUser, id: string, body: string) => expect((await send("POST", `/api/v1/errors/${id}/comments`, cookie(u), { body })).status).toBe(201);
  const setStatus = async (u: TestUser, id: string, status: string) => expect((await patchJson(`/api/v1/errors/${id}`, cookie(u), { status })).status).toBe(200);

  beforeAll(async () => {
    t = await createTenant("notify");
    for (const u of [t.admin, t.member, t.viewer]) cookies.set(u, await login(u));
    errorId = await ingest("InvoiceTotalError");
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it("assigning tells the assignee, naming who did it, and not the one who assigned", async () => {
    expect((await patchJson(`/api/v1/errors/${errorId}`, cookie(t.admin), { assigneeId: t.member.id })).status).toBe(200);
    const n = await told(t.member, "assigned", errorId);
    expect(n.actor?.id).toBe(t.admin.id);
    expect(n.text).toMatch(/assigned an issue to you/);
    expect(n.issue).toMatchObject({ type: "InvoiceTotalError", projectName: expect.stringMatching(/^Project notify-/) });
    expect(n.readAt).toBeNull();
    expect(await kindsOf(t.admin, errorId)).toEqual([]);
  });

  it("a comment tells the issue's participants; a mention tells the person it names instead", async () => {
    await comment(t.member, errorId, "Looking into it");
    const handle = t.viewer.email.slice(0, t.viewer.email.indexOf("@"));
    await comment(t.admin, errorId, `@${handle} can you check the totals?`);
    const mention = await told(t.viewer, "mentioned", errorId);
    expect(mention.detail.excerpt).toBe(`@${handle} can you check the totals?`);
    expect(mention.text).toMatch(/mentioned you: “@/);
    // The member (assignee, commenter) hears of the admin's comment; nobody hears of their own.
    const heard = await told(t.member, "commented", errorId, (x) => x.actor?.id === t.admin.id);
    expect(heard.text).toContain("can you check the totals?");
    expect(await kindsOf(t.viewer, errorId)).toEqual(["mentioned"]);
    expect((await inbox(t.member)).items.filter((x) => x.kind === "commented" && x.actor?.id === t.member.id)).toEqual([]);
  });

  it("a resolution tells the participants, and a regression everyone who took part", async () => {
    await setStatus(t.member, errorId, "resolved");
    await told(t.admin, "resolved", errorId, (x) => x.actor?.id === t.member.id);
    await ingest("InvoiceTotalError");
    // The member assigned, commented and resolved; the admin commented.
    const regression = await told(t.member, "regressed", errorId);
    expect(regression.actor).toBeNull();
    expect(regression.text).toMatch(/came back/);
    await told(t.admin, "regressed", errorId);
    // Being mentioned is not taking part.
    expect(await kindsOf(t.viewer, errorId)).toEqual(["mentioned"]);
  });

  it("following and unfollowing: a choice beats taking part, and the answer says why", async () => {
    const follow = await send("PUT", `/api/v1/errors/${errorId}/subscription`, cookie(t.viewer), { subscribed: true });
    expect(follow.status).toBe(200);
    expect(await follow.json()).toEqual({ subscribed: true, reasons: [], choice: true, projectMuted: false });
    const unfollow = await send("PUT", `/api/v1/errors/${errorId}/subscription`, cookie(t.admin), { subscribed: false });
    expect(await unfollow.json()).toEqual({ subscribed: false, reasons: ["commenter"], choice: false, projectMuted: false });
    const member = await (await getJson(`/api/v1/errors/${errorId}/subscription`, { cookie: cookie(t.member) })).json();
    expect(member).toEqual({ subscribed: true, reasons: ["assignee", "commenter", "resolver"], choice: null, projectMuted: false });

    await setStatus(t.member, errorId, "resolved");
    await ingest("InvoiceTotalError");
    await waitFor(async () => ((await kindsOf(t.viewer, errorId)).filter((k) => k === "regressed").length === 1 ? true : undefined), 30_000, 250);
    // The same regression reached the viewer: the admin, who stopped following, was left out of it.
    expect((await kindsOf(t.admin, errorId)).filter((k) => k === "regressed")).toHaveLength(1);
  });

  it("each person's settings choose what arrives, and how; bad settings name the field", async () => {
    const defaults = await (await getJson("/api/v1/account/notifications", { cookie: cookie(t.member) })).json();
    expect(defaults).toEqual({ preferences: { assigned: "email", regressed: "email", commented: "inbox", mentioned: "email", resolved: "inbox", alert: "email" }, weeklyReport: true, mutedProjectIds: [], emailAvailable: false });
    const changed = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { regressed: "off" });
    expect(changed.status).toBe(200);
    expect((await changed.json()).preferences).toMatchObject({ regressed: "off", assigned: "email" });

    const bad = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { assigned: "loudly" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("assigned");
    expect((await send("PATCH", "/api/v1/account/notifications", cookie(t.member), {})).status).toBe(422);
    expect((await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { everything: "off" })).status).toBe(422);

    const before = (await kindsOf(t.member, errorId)).filter((k) => k === "regressed").length;
    await setStatus(t.admin, errorId, "resolved");
    await ingest("InvoiceTotalError");
    await waitFor(async () => ((await kindsOf(t.viewer, errorId)).filter((k) => k === "regressed").length === 2 ? true : undefined), 30_000, 250);
    expect((await kindsOf(t.member, errorId)).filter((k) => k === "regressed")).toHaveLength(before);
  });

  it("reading: by id or all, only one's own, with the unread count; pages by cursor", async () => {
    const all = await inbox(t.member, "?unread=true");
    expect(all.unreadCount).toBeGreaterThanOrEqual(3);
    const [first, second] = all.items;
    const one = await send("POST", "/api/v1/notifications/read", cookie(t.member), { ids: [first.id] });
    expect(await one.json()).toEqual({ updated: 1, unreadCount: all.unreadCount - 1 });
    // Someone else's id changes nothing.
    const other = await send("POST", "/api/v1/notifications/read", cookie(t.viewer), { ids: [second.id] });
    expect((await other.json()).updated).toBe(0);
    expect((await send("POST", "/api/v1/notifications/read", cookie(t.member), { ids: [], all: true })).status).toBe(422);
    expect((await send("POST", "/api/v1/notifications/read", cookie(t.member), { ids: ["not-a-uuid"] })).status).toBe(422);

    const paged = await inbox(t.member, "?limit=1");
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).toBe(paged.items[0].id);
    const older = await inbox(t.member, `?limit=1&before=${paged.nextCursor}`);
    expect(older.items[0].id < paged.items[0].id).toBe(true);

    const rest = await send("POST", "/api/v1/notifications/read", cookie(t.member), { all: true });
    expect((await rest.json()).unreadCount).toBe(0);
    expect((await inbox(t.member, "?unread=true")).items).toEqual([]);
    expect((await getJson("/api/v1/notifications?limit=0", { cookie: cookie(t.member) })).status).toBe(422);
  });

  it("emails: one per person with what they want by email, sent once; a stale one expires", async () => {
    const users = [t.admin.id, t.member.id, t.viewer.id];
    const options = { smtpUrl: sink.url(), from: "Faultline <faultline@test.local>", publicUrl: "https://faultline.test", timeoutMs: 5_000, userIds: users };
    // An email wanted an hour and more ago is not sent any more.
    const [stale] = await query<{ id: string }>(`SELECT id FROM "UserNotification" WHERE "userId" = $1 AND kind = 'regressed' AND "emailState" = 'pending' LIMIT 1`, [t.admin.id]);
    await query(`UPDATE "UserNotification" SET "createdAt" = now() - interval '2 hours' WHERE id = $1`, [stale.id]);

    const first = await sendNotificationEmails({ ...options, now: new Date() });
    expect(first.failed).toBe(0);
    const mails = sink.mails.filter((m) => m.to.some((to) => [t.member.email, t.viewer.email, t.admin.email].includes(to)));
    // The admin's only emailed notification was the stale regression.
    expect(mails.map((m) => m.to[0]).sort()).toEqual([t.member.email, t.viewer.email].sort());
    expect(first.sent).toBe(2);
    const memberMail = mails.find((m) => m.to[0] === t.member.email);
    // The member wanted the assignment and two regressions by email (regressions off after that).
    expect(memberMail?.subject).toBe("[Faultline] 3 updates on issues you take part in");
    expect(memberMail?.text).toContain("assigned an issue to you or your team");
    expect(memberMail?.text).toContain(`https://faultline.test/errors/${errorId}`);
    const viewerMail = mails.find((m) => m.to[0] === t.viewer.email);
    expect(viewerMail?.text).toContain("mentioned you");
    const [{ state }] = await query<{ state: string }>(`SELECT "emailState" AS state FROM "UserNotification" WHERE id = $1`, [stale.id]);
    expect(state).toBe("expired");

    const again = await sendNotificationEmails({ ...options, now: new Date() });
    expect(again).toEqual({ sent: 0, failed: 0 });

    // Its unsubscribe link, and the one-click header mail clients POST (RFC 8058): the kinds it carried stop by email.
    expect(memberMail?.text).toMatch(/Stop these emails: https:\/\/faultline\.test\/unsubscribe\?token=\S+/);
    const header = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(memberMail!.raw.replace(/\r?\n[ \t]+/g, ""));
    expect(memberMail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const oneClick = new URL(header![1]);
    expect(oneClick.pathname).toBe("/api/v1/notifications/unsubscribe");
    const res = await fetch(`${BASE_URL}${oneClick.pathname}${oneClick.search}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(await res.json()).toEqual({ stopped: ["assigned"] });
    expect((await (await getJson("/api/v1/account/notifications", { cookie: cookie(t.member) })).json()).preferences).toMatchObject({ assigned: "inbox", regressed: "off" });
    const bad = await fetch(`${BASE_URL}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(oneClick.searchParams.get("token")!.slice(0, -3))}AAA`, { method: "POST" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("token");
  });

  it("the weekly report: each member who wants it, once a week, with the week's figures and their own open issues", async () => {
    const off = await send("PATCH", "/api/v1/account/notifications", cookie(t.viewer), { weeklyReport: false });
    expect((await off.json()).weeklyReport).toBe(false);
    // The Monday after the week of the issue's last event, 09:00 UTC (its week, whenever the test runs).
    const [{ lastSeen }] = await query<{ lastSeen: Date }>(`SELECT "lastSeen" FROM "ErrorGroup" WHERE id = $1`, [errorId]);
    const day = Date.UTC(lastSeen.getUTCFullYear(), lastSeen.getUTCMonth(), lastSeen.getUTCDate());
    const weekStart = day - ((lastSeen.getUTCDay() + 6) % 7) * 86_400_000;
    const monday = new Date(weekStart + 7 * 86_400_000 + 9 * 3_600_000);
    const options = { now: monday, smtpUrl: sink.url(), from: "Faultline <faultline@test.local>", publicUrl: "https://faultline.test", timeoutMs: 5_000, workspaceIds: [t.workspaceId] };

    const before = sink.mails.length;
    expect(await sendWeeklyReports(options)).toEqual({ sent: 2, failed: 0, quiet: 0 });
    const mails = sink.mails.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([t.admin.email, t.member.email].sort());
    const memberMail = mails.find((m) => m.to[0] === t.member.email)!;
    expect(memberMail.subject).toMatch(new RegExp(`^\\[Faultline\\] Workspace notify-[0-9a-f]+: \\d+ events in the week of ${new Date(weekStart).toISOString().slice(0, 10)}$`));
    expect(memberMail.text).toMatch(/Top issues:\r?\n- InvoiceTotalError: InvoiceTotalError in checkout — \d+ events \(new\)/);
    expect(memberMail.text).toMatch(/Assigned to you or your team, still open:\r?\n- InvoiceTotalError/);
    expect(mails.find((m) => m.to[0] === t.admin.email)!.text).not.toContain("Assigned to you");
    // The weekly report's own unsubscribe link stops it.
    const weekly = new URL(/^List-Unsubscribe:\s*<([^>]+)>/m.exec(memberMail.raw.replace(/\r?\n[ \t]+/g, ""))![1]);
    const stop = await fetch(`${BASE_URL}${weekly.pathname}${weekly.search}`, { method: "POST" });
    expect(await stop.json()).toEqual({ stopped: ["weeklyReport"] });
    expect((await (await getJson("/api/v1/account/notifications", { cookie: cookie(t.member) })).json()).weeklyReport).toBe(false);
    // Once per person and week; not on another day.
    expect(await sendWeeklyReports(options)).toEqual({ sent: 0, failed: 0, quiet: 0 });
    expect(await sendWeeklyReports({ ...options, now: new Date(monday.getTime() + 86_400_000) })).toEqual({ sent: 0, failed: 0, quiet: 0 });
  });

  it("the weekly report leaves out the projects a person muted, says so, and keeps their own issues; all muted: none", async () => {
    const w = await createTenant("weekly-mutes");
    const blog = await addBlogProject(w);
    // Every event at one instant three days ago, so they share a week whenever the test runs.
    const at = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000 + 12 * 3_600_000);
    const occurredAt = at.toISOString();
    const shop = await postEvents(w.key, { events: [1, 2].map(() => ({ type: "ShopCartError", message: "cart", severity: "high", occurredAt })) });
    expect(shop.status).toBe(202);
    const blogged = await postEvents(blog.key, { events: [1, 2, 3].map(() => ({ type: "BlogRenderError", message: "render", severity: "high", occurredAt })) });
    const blogIssue = (await blogged.json()).accepted[0].groupId as string;
    const [admin, member, viewer] = await Promise.all([login(w.admin), login(w.member), login(w.viewer)]);
    expect((await patchJson(`/api/v1/errors/${blogIssue}`, admin, { assigneeId: w.admin.id })).status).toBe(200);
    expect((await send("PATCH", "/api/v1/account/notifications", admin, { mutedProjectIds: [blog.id] })).status).toBe(200);
    expect((await send("PATCH", "/api/v1/account/notifications", viewer, { mutedProjectIds: [blog.id, w.projectId] })).status).toBe(200);
    expect((await getJson("/api/v1/account/notifications", { cookie: member })).status).toBe(200);

    const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
    const weekStart = day - ((at.getUTCDay() + 6) % 7) * 86_400_000;
    const monday = new Date(weekStart + 7 * 86_400_000 + 9 * 3_600_000);
    const before = sink.mails.length;
    const options = { now: monday, smtpUrl: sink.url(), from: "Faultline <faultline@test.local>", publicUrl: "https://faultline.test", timeoutMs: 5_000, workspaceIds: [w.workspaceId] };
    expect(await sendWeeklyReports(options)).toEqual({ sent: 2, failed: 0, quiet: 1 });
    const mails = sink.mails.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([w.admin.email, w.member.email].sort());
    const adminMail = mails.find((m) => m.to[0] === w.admin.email)!;
    expect(adminMail.subject).toMatch(/: 2 events in the week of /);
    expect(adminMail.text).toContain(`Without the projects you muted: ${blog.name}.`);
    expect(adminMail.text).toMatch(/Top issues:\r?\n- ShopCartError: cart — 2 events \(new\)\r?\n/);
    expect(adminMail.text).toMatch(/Assigned to you or your team, still open:\r?\n- BlogRenderError: render — 3 events/);
    const memberMail = mails.find((m) => m.to[0] === w.member.email)!;
    expect(memberMail.subject).toMatch(/: 5 events in the week of /);
    expect(memberMail.text).not.toContain("muted");
    expect(memberMail.text).toContain("BlogRenderError");
  });
});

describe("alerts to people: a \"Faultline members\" channel", () => {
  let t: Tenant;
  const cookies = new Map<TestUser, string>();
  const cookie = (u: TestUser) => cookies.get(u) as string;
  const alertsOf = async (u: TestUser): Promise<Notification[]> => {
    const res = await getJson("/api/v1/notifications?limit=100", { cookie: cookie(u) });
    expect(res.status).toBe(200);
    return ((await res.json()) as Inbox).items.filter((n) => n.kind === "alert");
  };
  const toldOf = (u: TestUser, title: RegExp) => waitFor(async () => (await alertsOf(u)).find((n) => title.test(String(n.detail.title))), 30_000, 250);
  const ingest = async (type: string, severity: string) => {
    const res = await postEvents(t.key, { events: [{ type, message: `${type} in checkout`, severity }] });
    expect(res.status).toBe(202);
    return (await res.json()).accepted[0].groupId as string;
  };

  beforeAll(async () => {
    t = await createTenant("alert-people");
    for (const u of [t.admin, t.member, t.viewer]) cookies.set(u, await login(u));
  });

  it("tells the members and teams it names and the issue's assignee, each as they prefer; names no outsider", async () => {
    const channels = `/api/v1/workspaces/${t.workspaceId}/channels`;
    const team = await send("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, cookie(t.admin), { name: "On call", memberIds: [t.member.id] });
    expect(team.status).toBe(201);
    const teamId = (await team.json()).id as string;
    // Only people and teams of this workspace, and at least someone.
    const outsider = await send("POST", channels, cookie(t.admin), { name: "x", kind: "members", config: { userIds: [t.viewer.id, crypto.randomUUID()] } });
    expect(outsider.status).toBe(422);
    expect((await outsider.json()).error.issues[0].path).toBe("config.userIds[1]");
    const nobody = await send("POST", channels, cookie(t.admin), { name: "x", kind: "members", config: { userIds: [] } });
    expect(nobody.status).toBe(422);
    expect((await nobody.json()).error.issues[0].path).toBe("config.userIds");
    const created = await send("POST", channels, cookie(t.admin), { name: "People", kind: "members", config: { teamIds: [teamId], userIds: [t.viewer.id], assignee: true } });
    expect(created.status).toBe(201);
    const channel = await created.json();
    expect(channel).toMatchObject({ kind: "members", severities: ["critical", "high"], config: { teamIds: [teamId], userIds: [t.viewer.id], assignee: true } });
    expect((await send("PATCH", "/api/v1/account/notifications", cookie(t.viewer), { alert: "inbox" })).status).toBe(200);

    // A new issue fires the default "New issue" rule: the team's member and the viewer are told, the admin is not.
    const issueId = await ingest("LedgerDriftError", "high");
    const memberNote = await toldOf(t.member, /^New issue: LedgerDriftError/);
    expect(memberNote.text).toMatch(/^Alert: New issue: LedgerDriftError/);
    expect(memberNote.issue?.id).toBe(issueId);
    expect(memberNote.alert).toMatchObject({ severity: "high", status: "active" });
    await toldOf(t.viewer, /^New issue: LedgerDriftError/);
    expect(await alertsOf(t.admin)).toEqual([]);

    // Assigned to the admin, the issue's next alert tells them too — not the viewer, who unfollowed it.
    expect((await patchJson(`/api/v1/errors/${issueId}`, cookie(t.member), { assigneeId: t.admin.id })).status).toBe(200);
    expect((await send("PUT", `/api/v1/errors/${issueId}/subscription`, cookie(t.viewer), { subscribed: false })).status).toBe(200);
    await ingest("LedgerDriftError", "critical");
    await toldOf(t.admin, /^Critical error: LedgerDriftError/);
    await toldOf(t.member, /^Critical error: LedgerDriftError/);
    expect((await alertsOf(t.viewer)).map((n) => n.detail.title)).toEqual([expect.stringMatching(/^New issue: LedgerDriftError/)]);

    // Emailed to those who want alerts by email (the member), with the issue's link; the viewer wanted the inbox only.
    const sink = await startSmtpSink();
    try {
      const sent = await sendNotificationEmails({ now: new Date(), smtpUrl: sink.url(), from: "Faultline <faultline@test.local>", publicUrl: "https://faultline.test", timeoutMs: 5_000, userIds: [t.member.id, t.viewer.id] });
      expect(sent).toEqual({ sent: 1, failed: 0 });
      expect(sink.mails.map((m) => m.to[0])).toEqual([t.member.email]);
      expect(sink.mails[0].subject).toBe("[Faultline] 2 alerts and updates");
      expect(sink.mails[0].text).toContain(`https://faultline.test/errors/${issueId}`);
    } finally {
      await sink.close();
    }

    // Someone the channel names who left the workspace is not told, and does not block an edit that
    // sends the list back; a new outsider still does.
    const leaver = await createTestUser(`leaver-${t.workspaceId.slice(-8)}@test.local`, "Leaver");
    await query(`INSERT INTO "Membership" ("userId", "workspaceId", role) VALUES ($1, $2, 'member')`, [leaver.id, t.workspaceId]);
    const withLeaver = { teamIds: [teamId], userIds: [t.viewer.id, leaver.id], assignee: true };
    expect((await send("PATCH", `/api/v1/channels/${channel.id}`, cookie(t.admin), { config: withLeaver })).status).toBe(200);
    await query(`DELETE FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [leaver.id, t.workspaceId]);
    expect((await send("PATCH", `/api/v1/channels/${channel.id}`, cookie(t.admin), { name: "People (edited)", config: withLeaver })).status).toBe(200);
    const added = await send("PATCH", `/api/v1/channels/${channel.id}`, cookie(t.admin), { config: { ...withLeaver, userIds: [...withLeaver.userIds, crypto.randomUUID()] } });
    expect(added.status).toBe(422);
    expect((await added.json()).error.issues[0].path).toBe("config.userIds[2]");

    // A test from the settings reaches the inbox like a real alert, marked as a test and tied to no issue.
    const test = await send("POST", `/api/v1/channels/${channel.id}/test`, cookie(t.admin));
    expect(await test.json()).toMatchObject({ ok: true });
    const tested = await toldOf(t.member, /^Test notification from Faultline to “People \(edited\)”/);
    expect(tested).toMatchObject({ issue: null, alert: null, detail: { test: true } });
  });

  it("forgets a person who leaves and a team deleted; a channel left with nobody to tell is turned off", async () => {
    const w = await createTenant("alert-people-leave");
    const admin = await login(w.admin);
    const channels = `/api/v1/workspaces/${w.workspaceId}/channels`;
    const team = await send("POST", `/api/v1/workspaces/${w.workspaceId}/teams`, admin, { name: "Payments", memberIds: [w.member.id] });
    const teamId = (await team.json()).id as string;
    const make = async (name: string, config: object) => {
      const res = await send("POST", channels, admin, { name, kind: "members", config });
      expect(res.status).toBe(201);
      return (await res.json()).id as string;
    };
    const both = await make("Viewer and team", { userIds: [w.viewer.id, w.member.id], teamIds: [teamId] });
    const viewerOnly = await make("Viewer", { userIds: [w.viewer.id] });
    const viewerAndAssignee = await make("Viewer and assignee", { userIds: [w.viewer.id], assignee: true });
    const state = async () => {
      const items = (await (await getJson(channels, { cookie: admin })).json()).items as { id: string; enabled: boolean; config: { userIds?: string[]; teamIds?: string[] } }[];
      return Object.fromEntries([both, viewerOnly, viewerAndAssignee].map((id) => {
        const c = items.find((x) => x.id === id)!;
        return [id, { enabled: c.enabled, userIds: c.config.userIds, teamIds: c.config.teamIds }];
      }));
    };

    const members = (await (await getJson(`/api/v1/workspaces/${w.workspaceId}/members`, { cookie: admin })).json()).items as { id: string; membershipId: string }[];
    const viewerMembership = members.find((m) => m.id === w.viewer.id)!.membershipId;
    expect((await send("DELETE", `/api/v1/memberships/${viewerMembership}`, admin)).status).toBe(204);
    expect(await state()).toEqual({
      [both]: { enabled: true, userIds: [w.member.id], teamIds: [teamId] },
      [viewerOnly]: { enabled: false, userIds: [], teamIds: undefined },
      [viewerAndAssignee]: { enabled: true, userIds: [], teamIds: undefined },
    });

    expect((await send("DELETE", `/api/v1/teams/${teamId}`, admin)).status).toBe(204);
    expect((await state())[both]).toEqual({ enabled: true, userIds: [w.member.id], teamIds: [] });
    const members2 = (await (await getJson(`/api/v1/workspaces/${w.workspaceId}/members`, { cookie: admin })).json()).items as { id: string; membershipId: string }[];
    expect((await send("DELETE", `/api/v1/memberships/${members2.find((m) => m.id === w.member.id)!.membershipId}`, admin)).status).toBe(204);
    expect((await state())[both]).toEqual({ enabled: false, userIds: [], teamIds: [] });
  });

  it("\"the issue's assignee\" of a new issue is whom its assignment rule chose: rules assign before alerts are evaluated", async () => {
    const rule = await send("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, cookie(t.admin), {
      name: "Billing to the admin",
      // A project's slug (or name) is a condition too.
      conditions: [{ field: "type", pattern: "Billing*" }, { field: "project", pattern: "project-alert-people-*" }],
      assignee: { type: "user", id: t.admin.id },
    });
    expect(rule.status).toBe(201);
    const owners = await send("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, cookie(t.admin), { name: "Owners", kind: "members", config: { assignee: true } });
    expect(owners.status).toBe(201);
    for (const type of ["BillingMismatchError", "BillingRoundingError", "BillingCurrencyError"]) {
      const issueId = await ingest(type, "high");
      const told = await toldOf(t.admin, new RegExp(`^New issue: ${type}`));
      expect(told.issue?.id).toBe(issueId);
    }
  });
});

describe("muting a project", () => {
  let t: Tenant;
  let mobile: { id: string; ingestKey: string };
  const cookies = new Map<TestUser, string>();
  const cookie = (u: TestUser) => cookies.get(u) as string;
  const notes = async (u: TestUser): Promise<Notification[]> => ((await (await getJson("/api/v1/notifications?limit=100", { cookie: cookie(u) })).json()) as Inbox).items;
  const told = (u: TestUser, match: (n: Notification) => boolean) => waitFor(async () => (await notes(u)).find(match), 30_000, 250);
  const ingest = async (key: string, type: string) => {
    const res = await postEvents(key, { events: [{ type, message: `${type} in checkout`, severity: "high" }] });
    expect(res.status).toBe(202);
    return (await res.json()).accepted[0].groupId as string;
  };
  const comment = async (u: TestUser, id: string, body: string) => expect((await send("POST", `/api/v1/errors/${id}/comments`, cookie(u), { body })).status).toBe(201);
  const commentedOn = (id: string, body: string) => (n: Notification) => n.kind === "commented" && n.issue?.id === id && String(n.detail.excerpt ?? n.text).includes(body);

  beforeAll(async () => {
    t = await createTenant("mute");
    for (const u of [t.admin, t.member]) cookies.set(u, await login(u));
    const created = await send("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, cookie(t.admin), { name: "Mobile app" });
    expect(created.status).toBe(201);
    mobile = await created.json();
  });

  it("a muted project's issues stop telling you of what you take part in, unless you follow the issue; assignments still do", async () => {
    const muted = await ingest(mobile.ingestKey, "SyncConflictError");
    const loud = await ingest(t.key, "CartTotalError");
    await comment(t.member, muted, "seen on iOS");
    await comment(t.member, loud, "seen on web");

    const mute = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { mutedProjectIds: [mobile.id] });
    expect(mute.status).toBe(200);
    expect(await mute.json()).toMatchObject({ mutedProjectIds: [mobile.id], preferences: { commented: "inbox" } });
    expect(await (await getJson(`/api/v1/errors/${muted}/subscription`, { cookie: cookie(t.member) })).json()).toEqual({ subscribed: false, reasons: ["commenter"], choice: null, projectMuted: true });
    // Only projects of one's own workspaces; another tenant's is as unknown as a made-up id.
    const other = await createTenant("mute-other");
    for (const ids of [[crypto.randomUUID()], [mobile.id, other.projectId]]) {
      const bad = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { mutedProjectIds: ids });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.issues[0].path).toBe(`mutedProjectIds[${ids.length - 1}]`);
    }
    expect((await (await getJson("/api/v1/account/notifications", { cookie: cookie(t.member) })).json()).mutedProjectIds).toEqual([mobile.id]);

    // The admin comments on both: the member hears of the unmuted project's issue only (the muted one's comment came first).
    await comment(t.admin, muted, "muted comment one");
    await comment(t.admin, loud, "loud comment one");
    await told(t.member, commentedOn(loud, "loud comment one"));
    expect((await notes(t.member)).filter((n) => n.issue?.id === muted)).toEqual([]);

    // Being assigned an issue of a muted project still tells you.
    expect((await patchJson(`/api/v1/errors/${muted}`, cookie(t.admin), { assigneeId: t.member.id })).status).toBe(200);
    await told(t.member, (n) => n.kind === "assigned" && n.issue?.id === muted);

    // Following the issue beats the mute.
    const follow = await send("PUT", `/api/v1/errors/${muted}/subscription`, cookie(t.member), { subscribed: true });
    expect(await follow.json()).toEqual({ subscribed: true, reasons: ["assignee", "commenter"], choice: true, projectMuted: true });
    await comment(t.admin, muted, "muted comment two");
    await told(t.member, commentedOn(muted, "muted comment two"));

    // Unmuted (the whole list, now empty), the project's other issues reach the member again.
    const unmute = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { mutedProjectIds: [] });
    expect((await unmute.json()).mutedProjectIds).toEqual([]);
    const second = await ingest(mobile.ingestKey, "SyncTimeoutError");
    await comment(t.member, second, "again");
    await comment(t.admin, second, "unmuted comment");
    await told(t.member, commentedOn(second, "unmuted comment"));

    // A mute left over in a workspace one no longer belongs to is not listed, so the list sent back whole passes.
    await query(`INSERT INTO "ProjectMute" ("userId", "projectId") VALUES ($1, $2)`, [t.member.id, other.projectId]);
    const listed = (await (await getJson("/api/v1/account/notifications", { cookie: cookie(t.member) })).json()).mutedProjectIds as string[];
    expect(listed).toEqual([]);
    const resent = await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { mutedProjectIds: [...listed, mobile.id] });
    expect(resent.status).toBe(200);
    expect((await resent.json()).mutedProjectIds).toEqual([mobile.id]);
  });

  it("a members channel's alerts of a muted project skip you, unless you follow the issue", async () => {
    expect((await send("PATCH", "/api/v1/account/notifications", cookie(t.member), { mutedProjectIds: [mobile.id], alert: "inbox" })).status).toBe(200);
    const channel = await send("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, cookie(t.admin), { name: "Member", kind: "members", config: { userIds: [t.member.id] } });
    expect(channel.status).toBe(201);
    const channelId = (await channel.json()).id as string;
    const alerted = (issueId: string) => (n: Notification) => n.kind === "alert" && n.issue?.id === issueId;

    const muted = await ingest(mobile.ingestKey, "PushTokenError");
    const loud = await ingest(t.key, "CouponError");
    await told(t.member, alerted(loud));
    // The muted project's alert was delivered to the channel, and told nobody.
    await waitFor(async () => {
      const rows = await query<{ status: string }>(
        `SELECT d.status FROM "Delivery" d JOIN "Alert" a ON a.id = d."alertId" WHERE d."channelId" = $1 AND a."errorGroupId" = $2`,
        [channelId, muted],
      );
      return rows[0]?.status === "delivered" ? true : undefined;
    }, 30_000, 250);
    expect((await notes(t.member)).filter(alerted(muted))).toEqual([]);

    // Following that issue, its next alert (a critical event) reaches the member.
    expect((await send("PUT", `/api/v1/errors/${muted}/subscription`, cookie(t.member), { subscribed: true })).status).toBe(200);
    const res = await postEvents(mobile.ingestKey, { events: [{ type: "PushTokenError", message: "PushTokenError in checkout", severity: "critical" }] });
    expect(res.status).toBe(202);
    await told(t.member, (n) => alerted(muted)(n) && /^Critical error/.test(String(n.detail.title)));
  });
});

describe("emails of a workspace someone no longer belongs to", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });
  const pending = (userId: string, workspaceId: string) =>
    query<{ id: string }>(
      `INSERT INTO "UserNotification" (id, "userId", "workspaceId", kind, "sourceId", detail, "emailState") VALUES (gen_random_uuid(), $1, $2, 'alert', gen_random_uuid(), '{}', 'pending') RETURNING id`,
      [userId, workspaceId],
    ).then((rows) => rows[0].id);
  const stateOf = async (id: string) => (await query<{ state: string }>(`SELECT "emailState" AS state FROM "UserNotification" WHERE id = $1`, [id]))[0].state;

  it("removal expires their pending ones; one left pending for someone gone is never sent, and expires", async () => {
    const w = await createTenant("mail-removed");
    const admin = await login(w.admin);
    const members = (await (await getJson(`/api/v1/workspaces/${w.workspaceId}/members`, { cookie: admin })).json()).items as { id: string; membershipId: string }[];
    const removed = await pending(w.member.id, w.workspaceId);
    const stays = await pending(w.viewer.id, w.workspaceId);
    expect((await send("DELETE", `/api/v1/memberships/${members.find((m) => m.id === w.member.id)!.membershipId}`, admin)).status).toBe(204);
    expect(await stateOf(removed)).toBe("expired");
    expect(await stateOf(stays)).toBe("pending");

    // Gone without the removal's clean-up (a row the job made meanwhile): not emailed.
    const raced = await pending(w.admin.id, w.workspaceId);
    await query(`DELETE FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [w.admin.id, w.workspaceId]);
    const options = { now: new Date(), smtpUrl: sink.url(), from: "Faultline <faultline@test.local>", publicUrl: "https://faultline.test", timeoutMs: 5_000, userIds: [w.admin.id, w.viewer.id] };
    expect(await sendNotificationEmails(options)).toEqual({ sent: 1, failed: 0 });
    expect(sink.mails.filter((m) => m.to.includes(w.admin.email))).toEqual([]);
    expect(sink.mails.filter((m) => m.to.includes(w.viewer.email))).toHaveLength(1);
    expect(await stateOf(raced)).toBe("expired");
    expect(await stateOf(stays)).toBe("sent");
  });
});
