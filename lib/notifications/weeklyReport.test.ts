import { describe, expect, it } from "vitest";
import { weeklyReportEmail, weekOverWeek, type WeeklyReportContent } from "@/lib/notifications/weeklyReportEmail";
import { weeklyReportDue } from "@/lib/notifications/weeklyReportWeek";

describe("weeklyReportDue", () => {
  it("is due from Monday 08:00 UTC to the end of Monday, for the week that just ended", () => {
    expect(weeklyReportDue(new Date("2026-12-07T08:00:00Z"))).toEqual({ weekStart: new Date("2026-11-30T00:00:00Z"), weekEnd: new Date("2026-12-07T00:00:00Z") });
    expect(weeklyReportDue(new Date("2026-12-07T23:59:59Z"))?.weekStart).toEqual(new Date("2026-11-30T00:00:00Z"));
  });

  it("is not due before 08:00 on Monday, nor on any other day", () => {
    expect(weeklyReportDue(new Date("2026-12-07T07:59:59Z"))).toBeNull();
    expect(weeklyReportDue(new Date("2026-12-08T09:00:00Z"))).toBeNull();
    expect(weeklyReportDue(new Date("2026-12-06T09:00:00Z"))).toBeNull();
  });

  it("crosses a month and a year", () => {
    expect(weeklyReportDue(new Date("2027-01-04T12:00:00Z"))?.weekStart).toEqual(new Date("2026-12-28T00:00:00Z"));
  });
});

describe("weekOverWeek", () => {
  it("says how the week compares", () => {
    expect(weekOverWeek(150, 100)).toBe("+50 % on the week before");
    expect(weekOverWeek(50, 100)).toBe("-50 % on the week before");
    expect(weekOverWeek(100, 100)).toBe("as many as the week before");
    expect(weekOverWeek(10, 0)).toBe("none the week before");
    expect(weekOverWeek(0, 0)).toBe("none the week before either");
  });
});

describe("weeklyReportEmail", () => {
  const content: WeeklyReportContent = {
    workspaceName: "Shop <prod>",
    workspaceId: "w1",
    weekStart: new Date("2026-11-30T00:00:00Z"),
    weekEnd: new Date("2026-12-07T00:00:00Z"),
    totals: { events: 1234, criticalEvents: 5, affectedUsers: 40, new: 3, resolved: 2, regressed: 1, unresolved: 7 },
    previousEvents: 1000,
    topIssues: [{ id: "g1", type: "TypeError", message: "x is undefined", events: 900, status: "new" }],
    yours: [{ id: "g2", type: "TimeoutError", message: "<slow>", events: 12, status: "investigating" }],
    publicUrl: "https://faultline.test",
  };

  it("sums the week up, lists the top issues and the person's own, with links", () => {
    const mail = weeklyReportEmail(content);
    expect(mail.subject).toBe("[Faultline] Shop <prod>: 1,234 events in the week of 2026-11-30");
    expect(mail.text).toContain("Shop <prod>, 2026-11-30 to 2026-12-06 (UTC)");
    expect(mail.text).toContain("1,234 events (+23 % on the week before), 5 critical, 40 users affected");
    expect(mail.text).toContain("- TypeError: x is undefined — 900 events (new)\n  https://faultline.test/errors/g1");
    expect(mail.text).toContain("Assigned to you or your team, still open:\n- TimeoutError: <slow> — 12 events (investigating)");
    expect(mail.text).toContain("https://faultline.test/?ws=w1&tf=7d");
  });

  it("names the muted projects it leaves out, in the text and (escaped) in the HTML", () => {
    const mail = weeklyReportEmail({ ...content, mutedProjects: ["Billing", "Blog <beta>"] });
    expect(mail.text).toContain("Shop <prod>, 2026-11-30 to 2026-12-06 (UTC)\nWithout the projects you muted: Billing, Blog <beta>.");
    expect(mail.html).toContain("<br>Without the projects you muted: Billing, Blog &lt;beta&gt;.</p>");
    expect(weeklyReportEmail({ ...content, mutedProjects: [] }).text).not.toContain("muted");
  });

  it("escapes names and messages in the HTML, and says so when the week was quiet", () => {
    const mail = weeklyReportEmail({ ...content, topIssues: [], yours: [], publicUrl: undefined });
    expect(mail.html).toContain("<h2>Shop &lt;prod&gt;</h2>");
    expect(mail.html).toContain("No events this week.");
    expect(mail.text).not.toContain("https://");
  });
});
