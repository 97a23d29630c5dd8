import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { stopUptimeMonitors } from "@/e2e/support/stopUptimeMonitors";
import { createTenant, login, type Tenant } from "@/e2e/support/tenant";

/**
 * The outbound policy over real HTTP, with the app's default configuration (private networks
 * allowed): URLs naming an instance-metadata address are refused when saved (422 naming the field,
 * in every spelling the URL parser accepts), a redirect there is refused when followed, and a
 * receiver on the private network is still reached.
 */
let receiver: http.Server;
let receiverUrl: string;
const hits: string[] = [];
let t: Tenant;
let admin: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    // A test notification is marked: the failing check above raises an issue, whose alert may also
    // reach the new channel through the workspace's default rules.
    hits.push(`${req.method} ${req.url}${req.headers["x-faultline-test"] ? " (test)" : ""}`);
    if (req.url === "/to-metadata") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" }).end();
    else res.writeHead(200).end("ok");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await createTenant("outbound");
  admin = await login(t.admin);
});
afterAll(async () => {
  await stopUptimeMonitors(t.workspaceId);
  receiver.closeAllConnections();
  receiver.close();
});

const issuesOf = (body: unknown) => (body as { error: { code: string; issues: { path: string; message: string }[] } }).error;

describe("outbound policy", () => {
  it("refuses channels, forwarding rules and uptime monitors aimed at instance metadata, naming the field", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:a9fe:a9fe]/", "http://2852039166/", "http://[fe80::1]:8080/hook"]) {
      const res = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Metadata", kind: "webhook", config: { url } });
      expect(res.status, url).toBe(422);
      expect(issuesOf(res.body).issues[0]).toMatchObject({ path: "config.url", message: expect.stringMatching(/is a link-local address \(cloud instance metadata\)/) });
    }
    const slack = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Slack", kind: "slack", enabled: false, config: { url: `${receiverUrl}/slack` } });
    expect(slack.status, JSON.stringify(slack.body)).toBe(201);
    const patched = await api("PATCH", `/api/v1/channels/${(slack.body as { id: string }).id}`, admin, { config: { url: "http://169.254.169.254/" } });
    expect(patched.status).toBe(422);
    expect(issuesOf(patched.body).issues[0]?.path).toBe("config.url");

    const email = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Mail", kind: "email", config: { to: ["ops@example.com"], smtpUrl: "smtp://169.254.169.254:25" } });
    expect(email.status).toBe(422);
    expect(issuesOf(email.body).issues[0]?.path).toBe("config.smtpUrl");

    const forward = await api("POST", `/api/v1/projects/${t.projectId}/forwarding-rules`, admin, {
      name: "To metadata",
      kind: "sentry",
      config: { dsn: "http://0123456789abcdef0123456789abcdef@169.254.169.254/1" },
    });
    expect(forward.status, JSON.stringify(forward.body)).toBe(422);
    expect(issuesOf(forward.body).issues[0]?.path).toBe("config.dsn");

    const monitor = await api("POST", `/api/v1/workspaces/${t.workspaceId}/monitors`, admin, { projectId: t.projectId, slug: "metadata", url: "http://169.254.169.254/" });
    expect(monitor.status).toBe(422);
    expect(issuesOf(monitor.body).issues[0]?.path).toBe("url");
  });

  it("refuses a redirect to instance metadata when it is followed, and still reaches a private receiver", async () => {
    const created = await api("POST", `/api/v1/workspaces/${t.workspaceId}/monitors`, admin, { projectId: t.projectId, slug: "bouncer", url: `${receiverUrl}/to-metadata`, intervalMinutes: 60 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    hits.length = 0;
    const check = await api("POST", `/api/v1/monitors/${(created.body as { id: string }).id}/check`, admin);
    expect(check.body).toMatchObject({ ok: false, detail: "blocked: 169.254.169.254 is a link-local address (cloud instance metadata); OUTBOUND_ALLOWED_NETWORKS may allow it" });
    expect(hits).toEqual(["GET /to-metadata"]);

    const hook = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Internal hook", kind: "webhook", config: { url: `${receiverUrl}/hook` } });
    expect(hook.status).toBe(201);
    hits.length = 0;
    const test = await api("POST", `/api/v1/channels/${(hook.body as { id: string }).id}/test`, admin);
    expect(test.body).toMatchObject({ ok: true });
    expect(hits.filter((h) => h === "POST /hook (test)")).toEqual(["POST /hook (test)"]);
  });
});
