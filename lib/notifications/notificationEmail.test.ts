import { describe, expect, it } from "vitest";
import { notificationEmail, type EmailedNotification } from "@/lib/notifications/notificationEmail";

const item = (over: Partial<EmailedNotification>): EmailedNotification => ({
  kind: "assigned",
  actorName: "Ana",
  detail: {},
  issue: { type: "TypeError", message: "x is undefined\nat line 2" },
  placeName: "Shop",
  url: "https://faultline.test/errors/1",
  ...over,
});

describe("notificationEmail", () => {
  it("names the one thing in the subject, on one line", () => {
    const mail = notificationEmail([item({})], "https://faultline.test/account#notifications");
    expect(mail.subject).toBe("[Faultline] Ana assigned an issue to you or your team: TypeError: x is undefined at line 2");
    expect(mail.text).toContain("  Shop: TypeError: x is undefined at line 2\n  https://faultline.test/errors/1");
    expect(mail.text).toContain("Choose what arrives by email: https://faultline.test/account#notifications");
  });

  it("keeps a comment's words out of the subject and in the body", () => {
    const mail = notificationEmail([item({ kind: "commented", detail: { excerpt: "fixed in #42" } })], null);
    expect(mail.subject).toBe("[Faultline] Ana commented: TypeError: x is undefined at line 2");
    expect(mail.text).toContain("Ana commented: “fixed in #42”");
    expect(mail.text).toContain("under Settings → Notifications");
  });

  it("counts several, and escapes what people and programs wrote in the HTML", () => {
    const mail = notificationEmail([item({}), item({ kind: "mentioned", actorName: "<b>Bo</b>", detail: { excerpt: "<script>" }, url: null })], null);
    expect(mail.subject).toBe("[Faultline] 2 updates on issues you take part in");
    expect(mail.html).toContain("&lt;b&gt;Bo&lt;/b&gt; mentioned you: “&lt;script&gt;”");
    expect(mail.html).not.toContain("<script>");
  });

  it("names an alert by its title, with its issue when it has one and its dashboard link when not", () => {
    const onIssue = notificationEmail([item({ kind: "alert", actorName: null, detail: { title: "Critical error: TypeError: x", stage: "initial" } })], null);
    expect(onIssue.subject).toBe("[Faultline] Alert: Critical error: TypeError: x");
    expect(onIssue.text).toContain("Alert: Critical error: TypeError: x\n  Shop: TypeError: x is undefined at line 2\n  https://faultline.test/errors/1");
    const projectWide = item({ kind: "alert", actorName: null, issue: null, detail: { title: "Error rate 12% <high>", stage: "escalate" }, url: "https://faultline.test/?ws=w&alert=a" });
    const mail = notificationEmail([projectWide], null);
    expect(mail.subject).toBe("[Faultline] Alert escalated: Error rate 12% <high>");
    expect(mail.text).toContain("Alert escalated: Error rate 12% <high>\n  Shop\n  https://faultline.test/?ws=w&alert=a");
    expect(mail.html).toContain('Shop: <a href="https://faultline.test/?ws=w&amp;alert=a">Open in Faultline</a>');
    expect(mail.html).toContain("Error rate 12% &lt;high&gt;");
    expect(notificationEmail([projectWide, item({})], null).subject).toBe("[Faultline] 2 alerts and updates");
  });
});
