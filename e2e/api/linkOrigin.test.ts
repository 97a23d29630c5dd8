import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtpSink";

/**
 * Links the instance sends or hands out (invitation links, by email too; admins' reset links) point
 * at PUBLIC_URL, else where the instance listens — never at the Host or X-Forwarded-Host of the
 * request that made them: anyone signed in can create a workspace and invite any address, and the
 * instance's own mail server would carry a link to a host of the inviter's choosing.
 */
describe("invitation and reset links without PUBLIC_URL", { timeout: 180_000 }, () => {
  let app: FreshInstance;
  let sink: SmtpSink;
  let cookie: string;
  let workspaceId: string;
  const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The production server (HOST and PORT set, as `npm start` runs it); no PUBLIC_URL.
    app = await startFreshInstance({ SMTP_URL: sink.url(), SMTP_FROM: "Faultline <faultline@links.test>" }, { server: "production" });
    const setup = await fetch(`${app.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ada", email: "ada@links.test", password: "ada's long password", workspaceName: "Links", projectName: "App" }),
    });
    expect(setup.status).toBe(201);
    cookie = setup.headers.get("set-cookie")!.split(";")[0];
    workspaceId = (await setup.json()).workspaceId;
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const post = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, { method: "POST", headers: { cookie, ...FORGED, ...(body !== undefined && { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });

  it("an emailed invitation links to the instance itself, whatever Host the inviter's request named", async () => {
    const res = await post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: "bob@elsewhere.test", role: "member" });
    expect(res.status).toBe(201);
    const invitation = (await res.json()) as { url: string; emailed: boolean };
    expect(invitation.emailed).toBe(true);
    expect(invitation.url.startsWith(`${app.url}/invite/`)).toBe(true);
    const [mail] = await sink.waitFor(1);
    expect(mail.to).toEqual(["bob@elsewhere.test"]);
    expect(mail.text).toContain(invitation.url);
    expect(mail.text).not.toContain("evil.example");

    // The link works where it points: Bob joins, and his admin's reset link for him points there too.
    const token = invitation.url.split("/").pop();
    expect((await fetch(`${app.url}/api/v1/invitations/${token}/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Bob", password: "bob's long password" }) })).status).toBe(200);
    const members = (await (await fetch(`${app.url}/api/v1/workspaces/${workspaceId}/members`, { headers: { cookie } })).json()) as { items: { email: string; membershipId: string }[] };
    const bob = members.items.find((m) => m.email === "bob@elsewhere.test")!;
    const reset = await post(`/api/v1/memberships/${bob.membershipId}/password-reset`);
    expect(reset.status).toBe(201);
    expect(((await reset.json()) as { url: string }).url.startsWith(`${app.url}/reset-password/`)).toBe(true);
  });
});
