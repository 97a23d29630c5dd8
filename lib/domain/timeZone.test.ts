import { describe, expect, it } from "vitest";
import { TimeZonePreferenceSchema, resolveTimeZone } from "@/lib/domain/timeZone";

describe("time-zone preference", () => {
  it("stores zones by their canonical name, 'local' and null as they are", () => {
    expect(TimeZonePreferenceSchema.parse("europe/berlin")).toBe("Europe/Berlin");
    expect(TimeZonePreferenceSchema.parse(" Asia/Kolkata ")).toBe("Asia/Kolkata");
    expect(TimeZonePreferenceSchema.parse("LOCAL")).toBe("local");
    expect(TimeZonePreferenceSchema.parse(null)).toBeNull();
  });

  it("refuses what is no zone, naming what it wants", () => {
    for (const bad of ["Mars/Olympus", "", "x".repeat(65), "+01:00x"]) {
      const result = TimeZonePreferenceSchema.safeParse(bad);
      expect(result.success).toBe(false);
    }
    expect(TimeZonePreferenceSchema.safeParse("Mars/Olympus").error?.issues[0].message).toMatch(/IANA time zone/);
  });

  it("resolves to UTC by default, the browser's zone for 'local', and UTC for a zone the browser does not know", () => {
    expect(resolveTimeZone(null, "Europe/Paris")).toBe("UTC");
    expect(resolveTimeZone(undefined, "Europe/Paris")).toBe("UTC");
    expect(resolveTimeZone("local", "Europe/Paris")).toBe("Europe/Paris");
    expect(resolveTimeZone("local", "Nowhere/Else")).toBe("UTC");
    expect(resolveTimeZone("America/New_York", "Europe/Paris")).toBe("America/New_York");
    expect(resolveTimeZone("Gone/Zone", "Europe/Paris")).toBe("UTC");
  });
});
