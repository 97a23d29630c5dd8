import { describe, expect, it } from "vitest";
import { forecastDisk } from "@/lib/storage/diskForecast";
import { parseByteSize } from "@/lib/storage/parseByteSize";

const GB = 1024 ** 3;
const at = (day: number) => new Date(Date.UTC(2026, 10, 1 + day, 3));

describe("parseByteSize", () => {
  it.each([
    ["50GB", 50 * GB],
    ["50 GiB", 50 * GB],
    ["1.5t", 1.5 * 1024 * GB],
    ["750m", 750 * 1024 ** 2],
    ["1048576", 1048576],
  ])("%s", (text, bytes) => expect(parseByteSize(text)).toBe(bytes));
  it.each(["", "lots", "-5GB", "0", "5 XB"])("rejects %j", (text) => expect(parseByteSize(text)).toBeNull());
});

describe("forecastDisk", () => {
  it("takes growth from samples at least most of a day apart", () => {
    const f = forecastDisk({ samples: [{ at: at(0), bytes: 10 * GB }, { at: at(4), bytes: 14 * GB }, { at: at(2), bytes: 12 * GB }], freeBytes: 30 * GB, estimatedGrowthPerDay: 99 });
    expect(f).toEqual({ growthPerDay: GB, estimated: false, daysLeft: 30 });
  });

  it("falls back to the estimate before a day of samples exists", () => {
    const f = forecastDisk({ samples: [{ at: at(0), bytes: GB }, { at: new Date(at(0).getTime() + 3_600_000), bytes: 2 * GB }], freeBytes: 10 * GB, estimatedGrowthPerDay: 2 * GB });
    expect(f).toEqual({ growthPerDay: 2 * GB, estimated: true, daysLeft: 5 });
  });

  it("has no days left figure when the database does not grow or free space is unknown", () => {
    expect(forecastDisk({ samples: [{ at: at(0), bytes: 5 * GB }, { at: at(3), bytes: 4 * GB }], freeBytes: GB, estimatedGrowthPerDay: null }).daysLeft).toBeNull();
    expect(forecastDisk({ samples: [], freeBytes: null, estimatedGrowthPerDay: GB }).daysLeft).toBeNull();
    expect(forecastDisk({ samples: [], freeBytes: GB, estimatedGrowthPerDay: null })).toEqual({ growthPerDay: null, estimated: false, daysLeft: null });
  });

  it("never forecasts negative days", () => {
    expect(forecastDisk({ samples: [], freeBytes: 0, estimatedGrowthPerDay: GB }).daysLeft).toBe(0);
  });
});
