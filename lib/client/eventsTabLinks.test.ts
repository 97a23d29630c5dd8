import { describe, expect, it } from "vitest";
import { eventFilterParams, eventFiltersKey, eventFiltersOf, eventsWithTagHref, issuePageHref, typedEventFilters } from "@/lib/client/eventsTabLinks";

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

describe("an issue's link from the issue list", () => {
  it("is the issue page, with no filters when the list has none", () => {
    expect(issuePageHref("abc", { environment: null, query: "" })).toBe("/errors/abc");
    expect(issuePageHref("abc", { environment: null, query: "is:unresolved level:high timeout" })).toBe("/errors/abc");
  });

  it("carries the list's environment, release and user as the page's event filters", () => {
    expect(issuePageHref("abc", { environment: "production", query: "" })).toBe("/errors/abc?environment=production");
    expect(issuePageHref("abc", { environment: null, query: 'environment:staging release:"shop@1.2.0" user.id:u-1 is:unresolved' })).toBe(
      "/errors/abc?environment=staging&release=shop%401.2.0&user=u-1",
    );
    // The scope wins over a search term (the list shows both, so they agree or it is empty).
    expect(issuePageHref("abc", { environment: "production", query: "environment:staging" })).toBe("/errors/abc?environment=production");
    expect(eventFiltersOf(new URL(issuePageHref("abc", { environment: "prod", query: "release:1.0" }), "http://x").searchParams)).toEqual({ environment: "prod", release: "1.0" });
  });

  it("carries nothing for a term the events cannot be narrowed by exactly", () => {
    expect(issuePageHref("abc", { environment: null, query: "environment:staging,production release:1.4* !user.id:u-1" })).toBe("/errors/abc");
  });
});

describe("the events tab's typed filters, kept in the page's URL", () => {
  it("drop blank fields and keep the rest as typed, without the whitespace around a pasted value", () => {
    expect(typedEventFilters({ environment: "staging", release: "  ", user: "" })).toEqual({ environment: "staging" });
    expect(typedEventFilters({ user: "u 1" })).toEqual({ user: "u 1" });
    expect(typedEventFilters({ environment: "staging ", release: "\tshop@1.2.0\n" })).toEqual({ environment: "staging", release: "shop@1.2.0" });
  });

  it("set each filter's URL parameter and clear the others", () => {
    expect(eventFilterParams({ release: "shop@1.2.0" })).toEqual({ environment: null, release: "shop@1.2.0", user: null });
    expect(eventFilterParams({})).toEqual({ environment: null, release: null, user: null });
  });

  it("are the same filters whatever their order or blank fields, and differ by any value", () => {
    expect(eventFiltersKey({ user: "u", environment: "prod" })).toBe(eventFiltersKey({ environment: "prod", user: "u", release: "" }));
    expect(eventFiltersKey({ environment: "prod" })).not.toBe(eventFiltersKey({ environment: "pro" }));
    expect(eventFiltersKey({ environment: "prod" })).not.toBe(eventFiltersKey({ release: "prod" }));
  });
});
