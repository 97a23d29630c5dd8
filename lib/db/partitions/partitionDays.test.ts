import { describe, expect, it } from "vitest";
import { addDays, dayOfPartition, daysFrom, droppableDays, partitionName, retentionCutoff, utcDay } from "@/lib/db/partitions/partitionDays";

describe("day partitions", () => {
  it("names partitions by UTC day and reads them back", () => {
    expect(partitionName("2026-03-09")).toBe("ErrorOccurrence_p20260309");
    expect(dayOfPartition("ErrorOccurrence_p20260309")).toBe("2026-03-09");
    expect(dayOfPartition("ErrorOccurrence_unpartitioned")).toBeNull();
    expect(utcDay(new Date("2026-03-09T23:59:59.999-05:00"))).toBe("2026-03-10");
  });

  it("counts days across month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysFrom("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });

  it("keeps whole days: the cutoff is the start of the day retentionDays before today", () => {
    expect(retentionCutoff(new Date("2026-06-01T13:00:00Z"), 90)).toBe("2026-03-03");
  });

  it("drops a partition only when every project's retention has passed it", () => {
    const days = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"];
    expect(droppableDays(days, ["2026-03-01", "2026-02-15"])).toEqual(["2026-01-01", "2026-02-01"]);
    expect(droppableDays(days, [])).toEqual([]);
  });
});
