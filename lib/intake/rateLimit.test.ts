import { envelopeItemTypeToDataCategory, type EnvelopeItemType } from "@sentry/core";
import { describe, expect, it } from "vitest";
import { REFUSED_CATEGORIES, sentryRateLimitsHeader } from "@/lib/intake/rateLimit";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { carriesOnlyUncountedItems } from "@/lib/sentry/uncountedItems";

/** Item types Sentry SDKs send (@sentry/core's EnvelopeItemType, and the Python SDK's older `statsd`). */
const ITEM_TYPES: EnvelopeItemType[] = [
  "event", "transaction", "session", "sessions", "client_report", "user_report", "feedback", "attachment", "profile", "profile_chunk",
  "replay_event", "replay_recording", "check_in", "span", "log", "metric", "trace_metric", "raw_security", "statsd",
] as EnvelopeItemType[];

describe("X-Sentry-Rate-Limits over the event limits", () => {
  it("names the data category of every item type a limited project refuses, and none of those it still takes (sessions, client reports, check-ins)", () => {
    const named = REFUSED_CATEGORIES.events.split(";");
    for (const type of ITEM_TYPES) {
      const takenOverLimit = carriesOnlyUncountedItems(parseEnvelope(Buffer.from(`{}\n{"type":"${type}"}\n{}\n`)));
      // SDKs back off exactly the categories named (@sentry/core's isRateLimited).
      expect(named.includes(envelopeItemTypeToDataCategory(type)), type).toBe(!takenOverLimit);
    }
  });

  it("names only `monitor` for the check-in limits", () => {
    expect(sentryRateLimitsHeader("checkIns", 42, "rate_limited")).toBe("42:monitor:project:rate_limited");
    expect(sentryRateLimitsHeader("events", 7, "project_quota")).toBe(`7:${REFUSED_CATEGORIES.events}:project:project_quota`);
  });
});
