import { describe, expect, it } from "vitest";
import { channelsFor, DEFAULT_SEVERITIES, ALL_STAGES } from "@/lib/alerts/channels/channelRouting";

const channel = (id: string, kind: "slack" | "email" | "pagerduty" | "webhook", stages = ALL_STAGES, enabled = true) => ({
  id,
  kind,
  enabled,
  severities: DEFAULT_SEVERITIES[kind],
  stages,
});

describe("channelsFor", () => {
  const channels = [
    channel("slack", "slack"),
    channel("email", "email"),
    channel("pd", "pagerduty", ["escalate", "final"]),
    channel("off", "webhook", ALL_STAGES, false),
  ];
  const ids = (severity: "critical" | "high" | "medium" | "low", stage: "initial" | "escalate" | "final") =>
    channelsFor(channels, severity, stage, null).map((c) => c.id);

  it("routes by severity as seed 004 does by default", () => {
    expect(ids("critical", "initial")).toEqual(["slack", "email"]);
    expect(ids("high", "initial")).toEqual(["slack", "email"]);
    expect(ids("medium", "initial")).toEqual(["slack"]);
    expect(ids("low", "initial")).toEqual([]);
  });

  it("re-notifies the next stage's channels on escalation, never disabled ones", () => {
    expect(ids("critical", "escalate")).toEqual(["slack", "email", "pd"]);
    expect(ids("critical", "final")).toEqual(["slack", "email", "pd"]);
  });

  it("a channel limited to some projects hears only their alerts; one of no project reaches only channels of every project", () => {
    const scoped = [channel("all", "slack"), { ...channel("shop", "slack"), projectIds: ["p-shop"] }, { ...channel("none", "slack"), projectIds: [] }];
    const of = (projectId: string | null) => channelsFor(scoped, "high", "initial", projectId).map((c) => c.id);
    expect(of("p-shop")).toEqual(["all", "shop", "none"]);
    expect(of("p-blog")).toEqual(["all", "none"]);
    expect(of(null)).toEqual(["all", "none"]);
  });
});
