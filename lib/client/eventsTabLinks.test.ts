import { describe, expect, it } from "vitest";
import { eventFiltersOf, eventsWithTagHref } from "@/lib/client/eventsTabLinks";

describe("links from a tag value to the issue's events", () => {
  it("open this issue's events tab filtered by environment, release or user", () => {
    expect(eventsWithTagHref("abc", "environment", "production")).toBe("/errors/abc?tab=events&environment=production");
    expect(eventsWithTagHref("abc", "release", "shop@1.2.0+build 7")).toBe("/errors/abc?tab=events&release=shop%401.2.0%2Bbuild+7");
    expect(eventsWithTagHref("abc", "user", "u-1")).toBe("/errors/abc?tab=events&user=u-1");
  });

  it("give no link for a tag the events cannot be filtered by", () => {
    expect(eventsWithTagHref("abc", "browser", "Chrome 120")).toBeNull();
  });

  it("read the filters back from the page's URL", () => {
    const href = eventsWithTagHref("abc", "release", "shop@1.2.0+build 7")!;
    expect(eventFiltersOf(new URL(href, "http://x").searchParams)).toEqual({ release: "shop@1.2.0+build 7" });
    expect(eventFiltersOf(new URLSearchParams("tab=events&environment=&user=u"))).toEqual({ user: "u" });
  });
});
