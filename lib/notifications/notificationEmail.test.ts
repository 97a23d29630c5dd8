import { describe, expect, it } from "vitest";
import { notificationEmail, type EmailedNotification } from "@/lib/notifications/notificationEmail";

const item = (over: Partial<EmailedNotification>): EmailedNotification => ({
  kind: "assigned",
  actorName: "Ana",
  detail: {},
  issue: { type: "TypeError", message: "x is undefined\nat line 2" },
  projectName: "Shop",
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
});
