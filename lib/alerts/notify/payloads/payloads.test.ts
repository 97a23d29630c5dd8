import { describe, expect, it } from "vitest";
import { sampleContext } from "@/lib/alerts/notify/__fixtures__/context";
import { alertUrl } from "@/lib/alerts/notify/notificationContext";
import { discordPayload, escapeDiscord } from "@/lib/alerts/notify/payloads/discordPayload";
import { emailMessage } from "@/lib/alerts/notify/payloads/emailMessage";
import { pagerDutyPayload } from "@/lib/alerts/notify/payloads/pagerDutyPayload";
import { escapeMrkdwn, slackPayload } from "@/lib/alerts/notify/payloads/slackPayload";
import { escapeCardMarkdown, teamsPayload } from "@/lib/alerts/notify/payloads/teamsPayload";
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
    expect(section.text.text).toContain("*<https://faultline.example.com/errors/0190a000-0000-8000-8000-0000000000e1?alert=0190a000-0000-7000-8000-000000000001|");
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

describe("Discord webhook payload", () => {
  it("is one embed: linked title, escaped message, facts as inline fields, no mentions", () => {
    const body = discordPayload(sampleContext({ error: { ...sampleContext().error!, message: "charge *failed* for @everyone [see](https://evil.test)" } }));
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    const [embed] = body.embeds;
    expect(embed).toMatchObject({
      title: "[CRITICAL] Critical error: PaymentError: charge <failed> & retried",
      url: sampleContext().url,
      description: "charge \\*failed\\* for @everyone \\[see\\](https://evil.test)",
      color: 0xdc2626,
      timestamp: "2026-01-01T10:00:00.000Z",
    });
    expect(embed.fields.map((f) => [f.name, f.value])).toEqual([
      ["Severity", "critical"],
      ["Rule", "Critical error"],
      ["Value", "1 (threshold 1)"],
      ["Project", "checkout"],
      ["Occurrences", "3"],
      ["Category", "payment"],
    ]);
  });

  it("names the stage and a test, and stays within Discord's limits", () => {
    expect(discordPayload(sampleContext({ stage: "resolved" })).embeds[0].title).toMatch(/^RESOLVED · \[CRITICAL\]/);
    expect(discordPayload(sampleContext({ test: true })).embeds[0].title).toMatch(/^TEST · /);
    const long = discordPayload(sampleContext({ alert: { ...sampleContext().alert, title: "t".repeat(1000) }, error: { ...sampleContext().error!, message: "m".repeat(10_000) } }));
    expect(long.embeds[0].title.length).toBeLessThanOrEqual(256);
    expect(long.embeds[0].description!.length).toBeLessThanOrEqual(4096);
    expect(JSON.stringify(long.embeds[0]).length).toBeLessThan(6000);
    expect(escapeDiscord("# heading > `code` ~x~ |s|")).toBe("\\# heading \\> \\`code\\` \\~x\\~ \\|s\\|");
  });
});

describe("Microsoft Teams payload", () => {
  it("is a Workflows message with one Adaptive Card: heading, message, facts, a button to the alert", () => {
    const body = teamsPayload(sampleContext());
    expect(body.type).toBe("message");
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = attachment.content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4", actions: [{ type: "Action.OpenUrl", title: "Open in Faultline", url: sampleContext().url }] });
    expect(card.body.map((b) => b.type)).toEqual(["TextBlock", "TextBlock", "FactSet", "TextBlock"]);
    expect(card.body[0]).toMatchObject({ text: "[\u200bCRITICAL]\u200b Critical error: PaymentError: charge <failed> & retried", color: "attention", weight: "Bolder" });
    expect(card.body[2]).toMatchObject({ facts: expect.arrayContaining([{ title: "Occurrences", value: "3" }]) });
    expect(teamsPayload(sampleContext({ url: null })).attachments[0].content.actions).toBeUndefined();
  });

  it("keeps an error message from formatting or linking", () => {
    const text = escapeCardMarkdown("- **bold** _i_ [x](https://evil.test)");
    expect(text.replaceAll("\u200b", "")).toBe("- **bold** _i_ [x](https://evil.test)");
    expect(text).not.toMatch(/\*\*|\]\(|^- /);
  });
});

describe("alertUrl", () => {
  it("links an issue's alert to the issue page and any other to its workspace's dashboard", () => {
    expect(alertUrl("https://f.example.com/", { workspaceId: "w1", alertId: "a1", errorId: "e1" })).toBe("https://f.example.com/errors/e1?alert=a1");
    expect(alertUrl("https://f.example.com", { workspaceId: "w1", alertId: "a1", errorId: null })).toBe("https://f.example.com/?ws=w1&alert=a1");
    expect(alertUrl(undefined, { workspaceId: "w1", alertId: "a1", errorId: null })).toBeNull();
  });
});
