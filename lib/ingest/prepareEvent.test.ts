import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

const logged = (user: string) =>
  prepareEvent(IngestEventSchema.parse(mapSentryEvent({ platform: "python", level: "error", logger: "auth", logentry: { message: "login refused for %s: %s", params: [user, "password expired"] } }).events[0]));

describe("prepareEvent of a log message sent as format string and values", () => {
  it("shows the values filled in, keys the issue on the format string", () => {
    const bob = logged("bob");
    const alice = logged("alice");
    expect(bob.message).toBe("login refused for bob: password expired");
    expect(alice.message).toBe("login refused for alice: password expired");
    expect(bob.fingerprint).toBe(alice.fingerprint);
  });

  it("keeps issues apart whose format strings differ, and messages without a template keyed on their text", () => {
    const other = prepareEvent(IngestEventSchema.parse({ type: "Message", message: "login refused for bob: password expired" }));
    expect(other.fingerprint).not.toBe(logged("bob").fingerprint);
    const native = (message: string, messageTemplate?: string) => prepareEvent(IngestEventSchema.parse({ type: "Message", message, messageTemplate })).fingerprint;
    expect(native("cache warm for eu", "cache warm for {}")).toBe(native("cache warm for us", "cache warm for {}"));
    expect(native("cache warm for eu")).not.toBe(native("cache warm for us"));
  });
});
