import { describe, expect, it } from "vitest";
import { huesOf, SEVERITY_BADGE, STATUS_BADGE } from "@/lib/client/badgeColors";

describe("badge colours", () => {
  it("never share a hue between severity and status", () => {
    const severityHues = new Set(Object.values(SEVERITY_BADGE).flatMap((c) => [...huesOf(c)]));
    for (const [status, classes] of Object.entries(STATUS_BADGE)) {
      const shared = [...huesOf(classes)].filter((h) => h !== "gray" && severityHues.has(h));
      expect(shared, status).toEqual([]);
    }
  });

  it("give every severity and every status its own hue", () => {
    const main = (classes: string) => /bg-([a-z]+)-\d{2,3}/.exec(classes)?.[1] ?? "";
    const severities = Object.values(SEVERITY_BADGE).map(main);
    expect(new Set(severities).size).toBe(severities.length);
    const statuses = Object.values(STATUS_BADGE).map((c) => /ring-([a-z]+)-\d{2,3}/.exec(c)?.[1] ?? "");
    expect(new Set(statuses).size).toBe(statuses.length);
  });
});
