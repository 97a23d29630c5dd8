import { describe, expect, it } from "vitest";
import { searchChoosesByDate } from "@/lib/search/datedSearch";

describe("searchChoosesByDate", () => {
  it("is true with a lastSeen: or firstSeen: term, negated too", () => {
    expect(searchChoosesByDate("lastSeen:<2026-11-15")).toBe(true);
    expect(searchChoosesByDate("is:unresolved firstSeen:+7d")).toBe(true);
    expect(searchChoosesByDate("!lastSeen:-1h")).toBe(true);
  });

  it("is false without one, for free text naming the keys, and for a search that does not parse", () => {
    expect(searchChoosesByDate("")).toBe(false);
    expect(searchChoosesByDate("release:shop@1.0.1 is:unresolved")).toBe(false);
    expect(searchChoosesByDate('"lastSeen"')).toBe(false);
    expect(searchChoosesByDate("lastSeen:yesterday")).toBe(false);
  });
});
