import { describe, expect, it } from "vitest";
import { sessionsTitle } from "@/lib/client/sessionsTitle";

describe("sessionsTitle", () => {
  it("names crashed, errored and, when some, abnormal sessions apart", () => {
    expect(sessionsTitle({ total: 40, crashed: 1, errored: 3, abnormal: 0 })).toBe("40 sessions: 1 crashed, 3 with errors");
    expect(sessionsTitle({ total: 4, crashed: 0, errored: 0, abnormal: 2 })).toBe("4 sessions: 0 crashed, 0 with errors, 2 abnormal (ANRs, watchdog kills: not crashes)");
  });
});
