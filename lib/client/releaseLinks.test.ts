import { describe, expect, it } from "vitest";
import { parseDashboardParams } from "@/lib/client/useDashboardParams";
import { issueListFilters } from "@/lib/client/issueListFilters";
import { releaseIssueListHref } from "@/lib/client/releaseLinks";

describe("releaseIssueListHref", () => {
  it("opens the Issues page on all time, so the list finds every issue the release's counts count", () => {
    const href = releaseIssueListHref("w1", "release:shop@1.0.1 is:unresolved");
    expect(href).toBe("/errors?ws=w1&tf=all&query=release%3Ashop%401.0.1+is%3Aunresolved");
    const params = parseDashboardParams(new URL(href, "http://x").searchParams);
    const filters = issueListFilters("w1", params, {});
    // No window: an issue of the release last seen 3 days (or 3 months) ago is listed too.
    expect(filters.since).toBeUndefined();
    expect(filters.timeframe).toBeUndefined();
    expect(filters.query).toBe("release:shop@1.0.1 is:unresolved");
  });
});
