import { describe, expect, it } from "vitest";
import { sampleContext } from "@/lib/alerts/notify/__fixtures__/context";
import { alertUrl } from "@/lib/alerts/notify/notificationContext";
import { emailMessage } from "@/lib/alerts/notify/payloads/emailMessage";
import { pagerDutyPayload } from "@/lib/alerts/notify/payloads/pagerDutyPayload";
import { escapeMrkdwn, slackPayload } from "@/lib/alerts/notify/payloads/slackPayload";
import { webhookPayload } from "@/lib/alerts/notify/payloads/webhookPayload";

describe("generic webhook payload", () => {
  it("carries the alert, error, project and workspace with ISO dates", () => {
    const body = webhookPayload(sampleContext());
    expect(body).toMatchObject({
      version: 1,
      event: "alert.triggered",
      stage: "initial",
      alert: { id: sampleContext().alert.id, severity: "critical", rule: { kind: "severity_count" }, firedAt: "2026-01-01T10:00:00.000Z" },
      error: { type: "PaymentError", occurrences: 3 },
      project: { name: "checkout" },
      workspace: { name: "Acme" },
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it("names escalations and resolutions", () => {
    expect(webhookPayload(sampleContext({ stage: "final" })).event).toBe("alert.escalated");
    expect(webhookPayload(sampleContext({ stage: "resolved" })).event).toBe("alert.resolved");
    expect(webhookPayload(sampleContext({ error: null })).error).toBeNull();
  });
});

describe("Slack payload", () => {
  it("is an incoming-webhook message with fallback text and escaped mrkdwn blocks", () => {
    const body = slackPayload(sampleContext());
    expect(body.text).toBe(":red_circle: [CRITICAL] Critical error: PaymentError: charge <failed> & retried");
    const section = body.blocks[0] as { text: { text: string } };
    expect(section.text.text).toContain("*<https://faultline.example.com/?alertId=");
    expect(section.text.text).toContain("charge &lt;failed&gt; &amp; retried");
    expect(body.blocks.map((b) => b.type)).toEqual(["section", "section", "context"]);
  });

  it("says when an alert escalates", () => {
    expect(slackPayload(sampleContext({ stage: "escalate" })).text).toMatch(/^:red_circle: ESCALATED: \[CRITICAL\]/);
    expect(escapeMrkdwn("<!channel> & co")).toBe("&lt;!channel&gt; &amp; co");
  });
});

describe("PagerDuty Events API v2 payload", () => {
  it("triggers with a dedup key per alert and mapped severity", () => {
    const body = pagerDutyPayload(sampleContext(), "ROUTINGKEY");
    expect(body).toMatchObject({
      routing_key: "ROUTINGKEY",
      event_action: "trigger",
      dedup_key: `faultline-${sampleContext().alert.id}`,
      payload: { summary: sampleContext().alert.title, severity: "critical", source: "faultline/Acme/checkout", component: "PaymentError", class: "payment" },
      client: "Faultline",
      links: [{ href: sampleContext().url, text: "Open in Faultline" }],
    });
    const high = pagerDutyPayload(sampleContext({ alert: { ...sampleContext().alert, severity: "high" } }), "k");
    expect(high.event_action === "trigger" && high.payload.severity).toBe("error");
  });

  it("acknowledges and resolves the same incident", () => {
    expect(pagerDutyPayload(sampleContext({ stage: "acknowledged" }), "k")).toEqual({ routing_key: "k", event_action: "acknowledge", dedup_key: `faultline-${sampleContext().alert.id}` });
    expect(pagerDutyPayload(sampleContext({ stage: "resolved" }), "k").event_action).toBe("resolve");
  });
});

describe("email message", () => {
  it("has a severity-tagged subject and the details in text and HTML", () => {
    const mail = emailMessage(sampleContext());
    expect(mail.subject).toBe("[Faultline] [CRITICAL] Critical error: PaymentError: charge <failed> & retried");
    expect(mail.text).toContain("Occurrences: 3");
    expect(mail.text).toContain("Open in Faultline: https://faultline.example.com/");
    expect(mail.html).toContain("charge &lt;failed&gt; &amp; retried");
    expect(mail.html).not.toContain("<failed>");
  });

  it("marks escalations in the subject", () => {
    expect(emailMessage(sampleContext({ stage: "final" })).subject).toMatch(/^\[Faultline\] \[FINAL ESCALATION\] \[CRITICAL\]/);
  });
});

describe("alertUrl", () => {
  it("links to the dashboard when PUBLIC_URL is set", () => {
    expect(alertUrl("https://f.example.com/base", "a1", "e1")).toBe("https://f.example.com/?alertId=a1&errorId=e1");
    expect(alertUrl(undefined, "a1", null)).toBeNull();
  });
});
