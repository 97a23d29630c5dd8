import { describe, expect, it } from "vitest";
import { joinConfig, mergeConfigPatch, parseChannelConfig, splitConfig } from "@/lib/alerts/channels/channelConfig";
import { maskConfig } from "@/lib/alerts/channels/maskSecrets";
import { ApiError } from "@/lib/http/ApiError";

describe("channel configuration", () => {
  it("keeps secrets apart from what may be shown", () => {
    expect(splitConfig("email", { to: ["ops@example.com"], smtpUrl: "smtp://u:p@h:25" })).toEqual({
      config: { to: ["ops@example.com"] },
      secrets: { smtpUrl: "smtp://u:p@h:25" },
    });
    expect(splitConfig("pagerduty", { routingKey: "k", url: "https://pd.local/enqueue" })).toEqual({
      config: { url: "https://pd.local/enqueue" },
      secrets: { routingKey: "k" },
    });
  });

  it("treats a masked value sent back as unchanged and null as cleared", () => {
    const full = { url: "https://hooks.slack.com/services/T/B/secretsecret", headers: { "X-Token": "t1", "X-Other": "o" } };
    const masked = maskConfig("webhook", full);
    expect(mergeConfigPatch(full, masked)).toEqual(full);
    expect(mergeConfigPatch(full, { headers: { "X-Token": "t2", "X-Other": null } })).toEqual({ url: full.url, headers: { "X-Token": "t2" } });
    expect(mergeConfigPatch(full, { url: "https://example.com/new" }).url).toBe("https://example.com/new");
  });

  it("round-trips through split and join", () => {
    const full = { to: ["a@example.com"], from: "Ops <ops@example.com>", smtpUrl: "smtp://127.0.0.1:2525" };
    const { config, secrets } = splitConfig("email", full);
    expect(joinConfig(config, secrets)).toEqual(full);
  });

  it("validates per kind with field paths", () => {
    expect(parseChannelConfig("slack", { url: "https://hooks.slack.com/services/x" }).kind).toBe("slack");
    try {
      parseChannelConfig("email", { to: ["not-an-email"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).details?.issues).toEqual([expect.objectContaining({ path: "config.to[0]" })]);
    }
    expect(() => parseChannelConfig("webhook", { url: "ftp://example.com" })).toThrow(ApiError);
    expect(() => parseChannelConfig("webhook", { url: "https://example.com", headers: { Host: "evil" } })).toThrow(ApiError);
  });
});
