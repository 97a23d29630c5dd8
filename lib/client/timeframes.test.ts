import { describe, expect, it } from "vitest";
import { timeframeCovering, timeframeSince } from "@/lib/client/timeframes";

describe("timeframeCovering", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  it("picks the shortest timeframe of a day or more that reaches back far enough", () => {
    expect(timeframeCovering("2026-03-10T11:59:00Z", now)).toBe("24h");
    expect(timeframeCovering("2026-03-09T12:00:00Z", now)).toBe("24h");
    expect(timeframeCovering("2026-03-09T11:59:00Z", now)).toBe("7d");
    expect(timeframeCovering(new Date("2026-02-20T00:00:00Z"), now)).toBe("30d");
    expect(timeframeCovering("2025-01-01T00:00:00Z", now)).toBe("30d");
  });
});

describe("timeframeSince", () => {
  it("is the start of the view's window for the timeframe (whole buckets ending after now)", () => {
    const now = new Date("2026-03-10T12:34:56Z");
    expect(timeframeSince("24h", now)).toBe("2026-03-09T13:00:00.000Z");
    expect(timeframeSince("1h", now)).toBe("2026-03-10T11:35:00.000Z");
    expect(timeframeSince("30d", now)).toBe("2026-02-09T00:00:00.000Z");
  });
});
