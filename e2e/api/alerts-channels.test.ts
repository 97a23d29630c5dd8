import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, api, deliveriesOf, errorEvent, waitUntil } from "@/e2e/support/alertHelpers";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtpSink";
import { addBlogProject, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";
import { processDeliveries } from "@/lib/alerts/notify/processDeliveries";

/**
 * Notification channels against local stand-ins: an HTTP receiver (generic webhook, Slack,
 * PagerDuty Events API v2) and an SMTP sink. The app sends; the test checks what arrived.
 */
let receiver: WebhookReceiver;
let smtp: SmtpSink;
let blackHole: net.Server;
let blackHoleUrl: string;
let closedPortUrl: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  smtp = await startSmtpSink();
  // Accepts connections and never answers: a channel that hangs until its timeout.
  blackHole = net.createServer(() => undefined);
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  blackHoleUrl = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/hang`;
  // A port nothing listens on: connections are refused.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/refused`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await receiver.close();
  await smtp.close();
  blackHole.close();
});

type Body = Record<string, unknown> & { alert?: { id: string }; error?: { type: string } };
const bodyOf = (r: { body: unknown }) => r.body as Body;

async function addChannel(t: Tenant, cookie: string, channel: Record<string, unknown>) {
  const res = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, cookie, channel);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; config: Record<string, unknown> };
}

describe("notification channels", () => {
  let t: Tenant;
  let admin: string;
  let prefix: string;
  const channels: Record<string, { id: string; config: Record<string, unknown> }> = {};

  beforeAll(async () => {
    t = await createTenant("chan");
    admin = await login(t.admin);
    prefix = `/chan-${t.workspaceId.slice(-8)}`;
    channels.webhook = await addChannel(t, admin, {
      name: "Ops webhook",
      kind: "webhook",
      config: { url: `${receiver.url}${prefix}/generic?token=webhook-secret-token`, headers: { "X-Token": "header-secret-value" } },
    });
    channels.slack = await addChannel(t, admin, { name: "Slack #alerts", kind: "slack", config: { url: `${receiver.url}${prefix}/services/T000/B000/slacksecretpath` } });
    channels.pagerduty = await addChannel(t, admin, {
      name: "PagerDuty on-call",
      kind: "pagerduty",
      config: { routingKey: "R0UTINGKEY0123456789abcdef", url: `${receiver.url}${prefix}/v2/enqueue` },
    });
    channels.email = await addChannel(t, admin, {
      name: "On-call email",
      kind: "email",
      config: { to: ["oncall@example.com", "lead@example.com"], from: "Faultline <alerts@test.local>", smtpUrl: smtp.url({ user: "alerts", pass: "smtp-secret-pass" }) },
    });
  });

  it("never shows secrets back, and keeps them when a masked value is sent back", async () => {
    const list = await api("GET", `/api/v1/workspaces/${t.workspaceId}/channels`, await login(t.viewer));
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    for (const secret of ["webhook-secret-token", "header-secret-value", "slacksecretpath", "R0UTINGKEY0123456789abcdef", "smtp-secret-pass"]) {
      expect(text).not.toContain(secret);
    }
    const byKind = Object.fromEntries((list.body.items as { kind: string; config: Record<string, unknown> }[]).map((c) => [c.kind, c.config]));
    expect(byKind.slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/••••/);
    expect(byKind.pagerduty.routingKey).toBe("••••cdef");
    expect(byKind.email).toMatchObject({ to: ["oncall@example.com", "lead@example.com"], smtpUrl: `smtp://alerts:••••@127.0.0.1:${smtp.port}` });
    expect(byKind.webhook.headers).toEqual({ "X-Token": "••••" });

    // A settings form sends back what it got: the secrets must survive.
    const edited = await api("PATCH", `/api/v1/channels/${channels.webhook.id}`, admin, { name: "Ops webhook (edited)", config: byKind.webhook });
    expect(edited.status).toBe(200);
    expect(edited.body.name).toBe("Ops webhook (edited)");
    expect(JSON.stringify(edited.body)).not.toContain("webhook-secret-token");

    // Aimed at another host, the stored header and signing secret are not carried over: they must be entered again.
    const moved = await api("PATCH", `/api/v1/channels/${channels.webhook.id}`, admin, { config: { ...byKind.webhook, url: "https://elsewhere.example/hook" } });
    expect(moved.status).toBe(422);
    expect(moved.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["config.headers", "config.signingSecret"]);
    const pagerMoved = await api("PATCH", `/api/v1/channels/${channels.pagerduty.id}`, admin, { config: { url: "https://elsewhere.example/v2/enqueue" } });
    expect(pagerMoved.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["config.routingKey"]);

    // Viewers and members cannot change channels; other workspaces cannot see them.
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, await login(t.member), { name: "x", kind: "slack", config: { url: "https://x.test/a" } })).status).toBe(403);
    const other = await createTenant("chan-other");
    expect((await api("PATCH", `/api/v1/channels/${channels.slack.id}`, await login(other.admin), { enabled: false })).status).toBe(404);
    const invalid = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "bad", kind: "email", config: { to: ["nope"] } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues[0].path).toBe("config.to[0]");
  });

  it("delivers a critical alert to webhook, Slack, PagerDuty and email with the right content", async () => {
    const started = Date.now();
    const res = await postEvents(t.key, errorEvent("Checkout", "critical", { message: "charge failed for order <42> & co" }));
    expect(res.status).toBe(202);
    const ingestMs = Date.now() - started;
    const [alert] = await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.status === "active"), 5000, "critical alert");
    const isThis = (r: { body: unknown }) => JSON.stringify(r.body).includes(alert.id);

    const [generic] = await receiver.waitFor((r) => r.path.startsWith(`${prefix}/generic`) && isThis(r));
    const webhookMs = generic.at - started;
    // A new critical error also fires the new-issue rule; pick the critical rule's notifications.
    const [slack] = await receiver.waitFor((r) => r.path === `${prefix}/services/T000/B000/slacksecretpath` && String(bodyOf(r).text).startsWith(":red_circle: [CRITICAL] Critical error:"));
    const [pd] = await receiver.waitFor((r) => r.path === `${prefix}/v2/enqueue` && isThis(r));
    await smtp.waitFor(2);
    const mail = smtp.mails.find((m) => m.subject.startsWith("[Faultline] [CRITICAL] Critical error:"))!;
    console.log(`channels: ingest ${ingestMs} ms; ingest → webhook ${webhookMs} ms, → email ${mail.at - started} ms`);

    expect(generic.headers["x-token"]).toBe("header-secret-value");
    expect(generic.headers["x-faultline-alert"]).toBe(alert.id);
    expect(generic.body).toMatchObject({
      version: 1,
      event: "alert.triggered",
      stage: "initial",
      alert: { id: alert.id, severity: "critical", status: "active", rule: { kind: "severity_count", name: "Critical error" } },
      error: { type: "AlertTestCheckoutError", message: "charge failed for order <42> & co", category: "api", occurrences: 1 },
      project: { id: t.projectId },
      workspace: { id: t.workspaceId },
    });

    expect(bodyOf(slack).text).toBe(":red_circle: [CRITICAL] Critical error: AlertTestCheckoutError: charge failed for order <42> & co");
    expect(JSON.stringify(slack.body)).toContain("charge failed for order &lt;42&gt; &amp; co");

    expect(pd.body).toMatchObject({
      routing_key: "R0UTINGKEY0123456789abcdef",
      event_action: "trigger",
      dedup_key: `faultline-${alert.id}`,
      payload: { severity: "critical", component: "AlertTestCheckoutError", class: "api" },
      client: "Faultline",
    });

    expect(mail.auth).toEqual({ user: "alerts", pass: "smtp-secret-pass" });
    expect(mail.from).toBe("alerts@test.local");
    expect(mail.to).toEqual(["oncall@example.com", "lead@example.com"]);
    expect(mail.subject).toBe("[Faultline] [CRITICAL] Critical error: AlertTestCheckoutError: charge failed for order <42> & co");
    expect(mail.text).toContain("Occurrences: 1");
    expect(mail.text).toContain(`X-Faultline-Alert: ${alert.id}`);

    // Each channel was notified once for this alert (new-issue alerts fire too, and are checked below).
    // (The outcome is recorded just after the receiver answered.)
    const deliveries = await waitUntil(async () => {
      const rows = await deliveriesOf(alert.id);
      return rows.length > 0 && rows.every((d) => d.status === "delivered") && rows;
    }, 5000, "delivery outcomes");
    expect(deliveries).toHaveLength(4);
  });

  it("routes by severity: a medium alert goes to Slack and the webhook only", async () => {
    const before = smtp.mails.length;
    await postEvents(t.key, errorEvent("Minor", "medium"));
    const [alert] = await waitUntil(async () => (await alertsOfRule(t.workspaceId, "new-issue")).filter((a) => a.severity === "medium"), 5000, "medium new-issue alert");
    await waitUntil(async () => {
      const rows = await deliveriesOf(alert.id);
      return rows.length > 0 && rows.every((d) => d.status === "delivered");
    }, 5000, "deliveries");
    const channelIds = (await deliveriesOf(alert.id)).map((d) => d.channelId).sort();
    expect(channelIds).toEqual([channels.webhook.id, channels.slack.id].sort());
    expect(smtp.mails.length).toBe(before);
  });
});

describe("chat channels: Discord and Microsoft Teams", () => {
  it("deliver a critical alert as a Discord embed and a Teams Adaptive Card, with secrets masked", async () => {
    const t = await createTenant("chat");
    const admin = await login(t.admin);
    const prefix = `/chat-${t.workspaceId.slice(-8)}`;
    const discord = await addChannel(t, admin, { name: "Discord #incidents", kind: "discord", config: { url: `${receiver.url}${prefix}/api/webhooks/123/discordtokensecret` } });
    const teams = await addChannel(t, admin, { name: "Teams on-call", kind: "teams", config: { url: `${receiver.url}${prefix}/workflows/abc/triggers/manual/paths/invoke?sig=teamssigsecret` } });
    expect(JSON.stringify([discord.config, teams.config])).not.toMatch(/discordtokensecret|teamssigsecret/);
    // New chat channels take seed 004's Slack routing: critical, high and medium.
    const listed = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/channels`, admin)).body as { items: { id: string; severities: string[] }[] };
    expect(listed.items.find((c) => c.id === discord.id)?.severities.sort()).toEqual(["critical", "high", "medium"]);

    await postEvents(t.key, errorEvent("Chat", "critical", { message: "card **declined** for @everyone" }));
    const [alert] = await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.status === "active"), 5000, "critical alert");
    const [toDiscord] = await receiver.waitFor((r) => r.path === `${prefix}/api/webhooks/123/discordtokensecret` && JSON.stringify(r.body).includes("[CRITICAL] Critical error"));
    const [toTeams] = await receiver.waitFor((r) => r.path.startsWith(`${prefix}/workflows/abc/`) && JSON.stringify(r.body).includes("Critical error"));

    const embed = (toDiscord.body as { embeds: { title: string; description: string; fields: { name: string; value: string }[] }[]; allowed_mentions: unknown }).embeds[0];
    expect(embed.title).toBe("[CRITICAL] Critical error: AlertTestChatError: card **declined** for @everyone");
    expect(embed.description).toBe("card \\*\\*declined\\*\\* for @everyone");
    expect(embed.fields).toContainEqual({ name: "Occurrences", value: "1", inline: true });
    expect((toDiscord.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });

    const card = (toTeams.body as { type: string; attachments: { contentType: string; content: { type: string; body: { type: string; text?: string }[] } }[] });
    expect(card.type).toBe("message");
    expect(card.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.attachments[0].content.type).toBe("AdaptiveCard");
    expect(card.attachments[0].content.body[0].text?.replaceAll("\u200b", "")).toBe("[CRITICAL] Critical error: AlertTestChatError: card **declined** for @everyone");

    const deliveries = await waitUntil(async () => {
      const rows = (await deliveriesOf(alert.id)).filter((d) => d.status === "delivered");
      return rows.length === 2 ? rows : undefined;
    }, 5000, "delivery outcomes");
    expect(deliveries.map((d) => d.channelId).sort()).toEqual([discord.id, teams.id].sort());
  });
});

describe("failing channels", () => {
  it("retries with backoff, logs every attempt, and never holds up ingest or the other channels", async () => {
    const t = await createTenant("flaky");
    const admin = await login(t.admin);
    const path = `/flaky-${t.workspaceId.slice(-8)}`;
    receiver.respondWith((p, nth) => (p === `${path}/flaky` && nth < 2 ? 500 : p === `${path}/gone` ? 404 : 200));
    const flaky = await addChannel(t, admin, { name: "Flaky", kind: "webhook", severities: ["critical"], config: { url: `${receiver.url}${path}/flaky` } });
    const dead = await addChannel(t, admin, { name: "Dead", kind: "webhook", severities: ["critical"], config: { url: closedPortUrl } });
    const gone = await addChannel(t, admin, { name: "Gone", kind: "webhook", severities: ["critical"], config: { url: `${receiver.url}${path}/gone` } });
    const hang = await addChannel(t, admin, { name: "Hangs", kind: "slack", severities: ["critical"], config: { url: blackHoleUrl } });
    await addChannel(t, admin, { name: "Healthy", kind: "webhook", severities: ["critical"], config: { url: `${receiver.url}${path}/ok` } });
    // One alert per error here: switch the new-issue rule off (built-in rules can be disabled).
    const rules = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin);
    const newIssue = rules.body.items.find((r: { defaultKey: string }) => r.defaultKey === "new-issue");
    expect((await api("PATCH", `/api/v1/alert-rules/${newIssue.id}`, admin, { enabled: false })).status).toBe(200);

    const started = Date.now();
    const res = await postEvents(t.key, errorEvent("Outage", "critical"));
    const ingestMs = Date.now() - started;
    expect(res.status).toBe(202);
    expect(ingestMs).toBeLessThan(1000);
    // The healthy channel is served at once although another one hangs for its whole timeout.
    const [ok] = await receiver.waitFor((r) => r.path === `${path}/ok`, 1, 3000);
    expect(ok.at - started).toBeLessThan(2000);

    const [alert] = await alertsOfRule(t.workspaceId, "severity-critical");
    const deliveryOf = async (channelId: string) => (await deliveriesOf(alert.id)).find((d) => d.channelId === channelId)!;
    // First attempts done (the hanging one takes ALERT_DELIVERY_TIMEOUT_MS, 5 s by default).
    await waitUntil(async () => (await deliveryOf(hang.id)).attempts >= 1 && (await deliveryOf(hang.id)).lastError !== null, 10_000, "first attempts");
    expect((await deliveryOf(gone.id)).status).toBe("failed"); // 404: retrying cannot help
    expect((await deliveryOf(dead.id)).lastError).toBe("connection refused (ECONNREFUSED)");
    expect((await deliveryOf(hang.id)).lastError).toMatch(/^timed out after \d+ ms$/);
    // Switched off, it is not tried again (and does not slow the retries below).
    expect((await api("PATCH", `/api/v1/channels/${hang.id}`, admin, { enabled: false })).status).toBe(200);

    // Retries, driven with injected time rather than waited for (the app's own worker may take some;
    // leases keep the two from sending the same delivery twice).
    const settled = async () =>
      (await deliveryOf(flaky.id)).status === "delivered" && (await deliveryOf(dead.id)).status === "failed" && (await deliveryOf(hang.id)).status === "failed";
    for (let hour = 1; hour <= 40 && !(await settled()); hour++) {
      const run = await processDeliveries({ now: new Date(Date.now() + hour * 60 * 60_000), workspaceIds: [t.workspaceId] });
      if (run.attempted === 0) await new Promise((r) => setTimeout(r, 200)); // leased by the app: let it finish
    }
    expect(receiver.requests.filter((r) => r.path === `${path}/flaky`)).toHaveLength(3);
    expect(await deliveryOf(dead.id)).toMatchObject({ status: "failed", attempts: 6 });

    const log = await api("GET", `/api/v1/workspaces/${t.workspaceId}/deliveries?channelId=${flaky.id}`, await login(t.viewer));
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ status: "delivered", attempts: 3, channel: { name: "Flaky", kind: "webhook" }, lastError: null });
    expect(log.body.items[0].attemptLog.map((a: { ok: boolean; error: string | null }) => [a.ok, a.error])).toEqual([
      [false, "HTTP 500"],
      [false, "HTTP 500"],
      [true, null],
    ]);
    const failed = await api("GET", `/api/v1/workspaces/${t.workspaceId}/deliveries?status=failed`, admin);
    expect(failed.body.items.map((d: { channel: { name: string }; lastError: string }) => [d.channel.name, d.lastError]).sort()).toEqual([
      ["Dead", "connection refused (ECONNREFUSED)"],
      ["Gone", "HTTP 404"],
      ["Hangs", "channel disabled"],
    ]);
    receiver.respondWith(() => 200);
  }, 60_000);
});

describe("channels limited to projects", () => {
  it("a channel that names projects hears only their alerts; one that names none hears every project's", async () => {
    const t = await createTenant("chan-scope");
    const admin = await login(t.admin);
    const blog = await addBlogProject(t);
    const url = `${receiver.url}/scope-${t.workspaceId.slice(-8)}`;
    const everyProject = await addChannel(t, admin, { name: "Every project", kind: "webhook", config: { url: `${url}/all` } });
    const shopOnly = await addChannel(t, admin, { name: "Shop only", kind: "webhook", projectIds: [t.projectId], config: { url: `${url}/shop` } });
    expect(shopOnly).toMatchObject({ projectIds: [t.projectId] });
    // Only projects of the workspace.
    const other = await createTenant("chan-scope-other");
    const foreign = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "x", kind: "webhook", projectIds: [t.projectId, other.projectId], config: { url: `${url}/x` } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.issues[0].path).toBe("projectIds[1]");
    expect((await api("PATCH", `/api/v1/channels/${shopOnly.id}`, admin, { projectIds: [crypto.randomUUID()] })).status).toBe(422);

    const channelsOf = async (projectId: string) => {
      const [alert] = await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.projectId === projectId), 10_000, "critical alert");
      return (await deliveriesOf(alert.id)).map((d) => d.channelId).sort();
    };
    expect((await postEvents(blog.key, errorEvent("BlogRender", "critical"))).status).toBe(202);
    expect(await channelsOf(blog.id)).toEqual([everyProject.id]);
    expect((await postEvents(t.key, errorEvent("ShopCharge", "critical"))).status).toBe(202);
    expect(await channelsOf(t.projectId)).toEqual([everyProject.id, shopOnly.id].sort());

    // Back to every project: [] clears the limit.
    const cleared = await api("PATCH", `/api/v1/channels/${shopOnly.id}`, admin, { projectIds: [] });
    expect(cleared.body.projectIds).toEqual([]);
  });
});
