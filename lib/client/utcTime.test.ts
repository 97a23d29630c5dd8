import { describe, expect, it } from "vitest";
import { granularityOf, utcBucketLabel, utcDateTime, utcDateTimeWithYear } from "@/lib/client/utcTime";

describe("UTC bucket labels", () => {
  it("label a UTC day with its own date whatever the viewer's zone", () => {
    // 00:00 UTC on Jan 31 is still Jan 30 in America/Los_Angeles: the label must say Jan 31.
    expect(utcBucketLabel("2026-01-31T00:00:00.000Z", "day")).toBe("Jan 31");
    expect(utcBucketLabel("2026-01-31T14:00:00.000Z", "hour")).toBe("14:00");
    expect(utcBucketLabel("2026-02-02T06:00:00.000Z", "sixHours")).toBe("Mon 06:00");
    expect(utcDateTime("2026-01-31T23:30:00.000Z")).toBe("Jan 31, 23:30 UTC");
  });

  it("picks the granularity from the bucket length", () => {
    expect([granularityOf(300_000), granularityOf(3_600_000), granularityOf(21_600_000), granularityOf(86_400_000)]).toEqual(["minute", "hour", "sixHours", "day"]);
  });
});

describe("a report's range", () => {
  it("names the year and the UTC hour, across a year boundary", () => {
    expect(utcDateTimeWithYear("2026-12-31T17:00:00.000Z")).toBe("Dec 31, 2026, 17:00");
    expect(utcDateTimeWithYear("2027-01-01T00:00:00.000Z")).toBe("Jan 1, 2027, 00:00");
  });
});
