import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtpSink";

/**
 * An alert routed to people by email leaves at once: the delivery asks the notification-emails job
 * for a turn instead of waiting for its interval. An app of its own, so that the interval can be a
 * minute and the SMTP server a sink.
 */
describe("alert emails to people", { timeout: 120_000 }, () => {
  let app: FreshInstance;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The job's own first turn is 59 s after the start: only a turn asked for can send within the wait below.
    app = await startFreshInstance({ SMTP_URL: sink.url(), SMTP_FROM: "Faultline <faultline@test.local>", NOTIFICATION_EMAIL_INTERVAL_MS: "59000", PUBLIC_URL: "https://faultline.test" });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const call = (path: string, cookie: string, method = "GET", body?: unknown) =>
    fetch(`${app.url}${path}`, { method, headers: { "content-type": "application/json", cookie }, body: body === undefined ? undefined : JSON.stringify(body) });

  it("are sent as the alert is delivered, not at the email job's next turn", async () => {
    const setup = await fetch(`${app.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "On Call", email: "oncall@example.com", password: "on call password 1", workspaceName: "Acme", projectName: "Checkout", platform: "node" }),
    });
    expect(setup.status).toBe(201);
    const created = (await setup.json()) as { workspaceId: string; project: { ingestKey: string } };
    const cookie = setup.headers.get("set-cookie")!.split(";")[0];
    const me = (await (await call("/api/v1/me", cookie)).json()) as { user: { id: string } };
    const channel = await call(`/api/v1/workspaces/${created.workspaceId}/channels`, cookie, "POST", { name: "Me", kind: "members", config: { userIds: [me.user.id] } });
    expect(channel.status).toBe(201);

    const sent = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": created.project.ingestKey },
      body: JSON.stringify({ type: "LedgerDownError", message: "ledger unreachable", severity: "critical" }),
    });
    expect(sent.status).toBe(202);
    const [mail] = await sink.waitFor(1, 30_000);
    expect(mail.to).toEqual(["oncall@example.com"]);
    expect(mail.text).toContain("LedgerDownError");
    expect(mail.text).toContain("https://faultline.test/errors/");
  });
});
