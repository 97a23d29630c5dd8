import { describe, expect, it } from "vitest";
import { describeIssueLink } from "@/lib/errors/links/describeIssueLink";

describe("describeIssueLink", () => {
  it("names issues of the common trackers by their short names", () => {
    expect(describeIssueLink("https://github.com/acme/shop/issues/42")).toEqual({ tracker: "github", label: "acme/shop#42" });
    expect(describeIssueLink("https://github.com/acme/shop/pull/7/files")).toEqual({ tracker: "github", label: "acme/shop#7" });
    expect(describeIssueLink("https://gitlab.example.com/group/sub/shop/-/issues/12")).toEqual({ tracker: "gitlab", label: "group/sub/shop#12" });
    expect(describeIssueLink("https://gitlab.com/acme/shop/-/merge_requests/3")).toEqual({ tracker: "gitlab", label: "acme/shop!3" });
    expect(describeIssueLink("https://acme.atlassian.net/browse/SHOP-123")).toEqual({ tracker: "jira", label: "SHOP-123" });
    expect(describeIssueLink("https://jira.acme.internal/secure/RapidBoard.jspa?rapidView=1&selectedIssue=OPS-9")).toEqual({ tracker: "jira", label: "OPS-9" });
    expect(describeIssueLink("https://linear.app/acme/issue/ENG-77/checkout-crash")).toEqual({ tracker: "linear", label: "ENG-77" });
    expect(describeIssueLink("https://dev.azure.com/acme/Shop/_workitems/edit/4711")).toEqual({ tracker: "azure", label: "#4711" });
  });

  it("names anything else by its host", () => {
    expect(describeIssueLink("https://tracker.acme.internal/tickets/99")).toEqual({ tracker: "other", label: "tracker.acme.internal" });
    expect(describeIssueLink("https://github.com/acme/shop")).toEqual({ tracker: "other", label: "github.com" });
    expect(describeIssueLink("not a url")).toEqual({ tracker: "other", label: "not a url" });
  });
});
