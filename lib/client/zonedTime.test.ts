import { describe, expect, it } from "vitest";
import { bucketLabel, bucketRange, bucketTitle, calendarDate, clockTime, dateTime, dateTimeWithYear, exactTime, granularityOf, hourRange, zoneAbbreviation } from "@/lib/client/zonedTime";

describe("bucket labels", () => {
  it("label a UTC day with its own date whatever the viewer's zone", () => {
    // 00:00 UTC on Jan 31 is still Jan 30 in America/Los_Angeles: the label must say Jan 31.
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
      expect(bucketLabel("2026-01-31T00:00:00.000Z", "day", zone)).toBe("Jan 31");
      expect(bucketTitle("2026-01-31T00:00:00.000Z", "day", zone)).toBe("Jan 31 (UTC day)");
    }
  });

  it("label hours and six-hour buckets on the viewer's clock", () => {
    expect(bucketLabel("2026-01-31T14:00:00.000Z", "hour", "UTC")).toBe("14:00");
    expect(bucketLabel("2026-01-31T14:00:00.000Z", "hour", "Europe/Berlin")).toBe("15:00");
    expect(bucketLabel("2026-07-31T14:00:00.000Z", "hour", "Europe/Berlin")).toBe("16:00");
    expect(bucketLabel("2026-01-31T14:00:00.000Z", "hour", "Asia/Kolkata")).toBe("19:30");
    expect(bucketLabel("2026-02-02T06:00:00.000Z", "sixHours", "UTC")).toBe("Mon 06:00");
    expect(bucketLabel("2026-02-02T06:00:00.000Z", "sixHours", "America/New_York")).toBe("Mon 01:00");
    expect(bucketTitle("2026-01-31T23:30:00.000Z", "hour", "UTC")).toBe("Jan 31, 23:30 UTC");
  });

  it("picks the granularity from the bucket length", () => {
    expect([granularityOf(300_000), granularityOf(3_600_000), granularityOf(21_600_000), granularityOf(86_400_000)]).toEqual(["minute", "hour", "sixHours", "day"]);
  });
});

describe("instants", () => {
  it("name the zone, and the date it is there", () => {
    expect(dateTime("2026-01-31T23:30:00.000Z", "UTC")).toBe("Jan 31, 23:30 UTC");
    expect(dateTime("2026-01-31T23:30:00.000Z", "Europe/Berlin")).toBe("Feb 1, 00:30 GMT+1");
    expect(zoneAbbreviation("2026-07-01T00:00:00.000Z", "Asia/Kolkata")).toBe("GMT+5:30");
    expect(exactTime("2026-12-07T10:31:19.372Z", "UTC")).toBe("Mon, Dec 7, 2026, 10:31:19 UTC");
    expect(clockTime("2026-12-07T10:31:19.372Z", "America/Los_Angeles")).toBe("02:31:19.372");
    expect(hourRange("2026-12-06T20:00:00.000Z", "2026-12-06T23:00:00.000Z", "UTC")).toBe("Dec 6, 20:00–23:00 UTC");
    expect(hourRange("2026-12-06T20:00:00.000Z", "2026-12-06T23:00:00.000Z", "Europe/Berlin")).toBe("Dec 6, 21:00–00:00 GMT+1");
    expect(calendarDate("2026-12-31T23:00:00.000Z", "Asia/Tokyo")).toBe("Jan 1, 2027");
  });

  it("a range across a year boundary names the year", () => {
    expect(dateTimeWithYear("2026-12-31T17:00:00.000Z", "UTC")).toBe("Dec 31, 2026, 17:00 UTC");
    expect(dateTimeWithYear("2027-01-01T00:00:00.000Z", "UTC")).toBe("Jan 1, 2027, 00:00 UTC");
  });
});

describe("bucketRange", () => {
  it("names a day spike by its UTC day, in every zone", () => {
    for (const zone of ["UTC", "Asia/Kolkata", "America/Los_Angeles"]) {
      expect(bucketRange("2026-12-07T00:00:00.000Z", "2026-12-08T00:00:00.000Z", "day", zone), zone).toBe("Dec 7 UTC");
      expect(bucketRange("2026-12-05T00:00:00.000Z", "2026-12-08T00:00:00.000Z", "day", zone), zone).toBe("Dec 5 – Dec 7 UTC");
    }
  });

  it("names an hour spike by its hours on the viewer's clock", () => {
    expect(bucketRange("2026-12-06T20:00:00.000Z", "2026-12-06T23:00:00.000Z", "hour", "UTC")).toBe("Dec 6, 20:00–23:00 UTC");
    expect(bucketRange("2026-12-06T20:00:00.000Z", "2026-12-06T21:00:00.000Z", "hour", "Asia/Kolkata")).toBe("Dec 7, 01:30–02:30 GMT+5:30");
    expect(bucketRange("2026-12-06T20:00:00.000Z", "2026-12-06T20:05:00.000Z", "minute", "UTC")).toBe("Dec 6, 20:00–20:05 UTC");
  });
});
