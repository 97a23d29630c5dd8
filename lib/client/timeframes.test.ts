import { describe, expect, it } from "vitest";
import { timeframeSince } from "@/lib/client/timeframes";

describe("timeframeSince", () => {
  it("is the start of the view's window for the timeframe (whole buckets ending after now)", () => {
    const now = new Date("2026-03-10T12:34:56Z");
    expect(timeframeSince("24h", now)).toBe("2026-03-09T13:00:00.000Z");
    expect(timeframeSince("1h", now)).toBe("2026-03-10T11:35:00.000Z");
    expect(timeframeSince("30d", now)).toBe("2026-02-09T00:00:00.000Z");
  });
});
