import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { scrubReceivedEvent } from "@/lib/ingest/scrubReceivedEvent";

const receivedAt = new Date("2026-12-07T12:00:00.000Z");
const secrets = ["hunter2-secret", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "4111111111111111", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sgnature123456"];

const events = [
  {
    eventId: "scrub-1",
    type: "PaymentError",
    message: `charge failed for card 4111111111111111 with key sk_live_4eC39HqLyjWDarjtT1zdp7dc`,
    stackTrace: `PaymentError: charge failed\n    at charge (/srv/app/pay.js:10:5)\n    at run (/srv/app/main.js:3:1)`,
    userId: "alice",
    environment: "production",
    tags: { token: "hunter2-secret", region: "eu" },
    context: { request: { headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sgnature123456" } }, password: "hunter2-secret" },
    metadata: { order: 42, nested: { deeper: { apiKey: "hunter2-secret" } } },
    occurredAt: "2026-12-07T11:59:00.000Z",
  },
  {
    eventId: "scrub-2",
    type: "Error",
    message: "wrapped",
    exceptions: [
      { type: "Error", message: "wrapped password=hunter2-secret", stackTrace: [{ function: "login", filename: "auth.py", lineno: 3, vars: { password: "hunter2-secret" } }] },
      { type: "ValueError", message: "card 4111111111111111", relation: "cause" as const },
    ],
    recovery: { recovered: true, method: "retry token=hunter2-secret", durationMs: 5 },
  },
];

describe("scrubReceivedEvent", () => {
  it("keeps no secret the built-in scrubbing hides, and prepares to exactly what the original prepares to", () => {
    for (const input of events) {
      const event = IngestEventSchema.parse(input);
      const scrubbed = scrubReceivedEvent(event);
      const text = JSON.stringify(scrubbed);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(prepareEvent(scrubbed, receivedAt)).toEqual(prepareEvent(event, receivedAt));
    }
  });

  it("is idempotent and leaves ordinary values alone", () => {
    const event = IngestEventSchema.parse(events[0]);
    const once = scrubReceivedEvent(event);
    expect(scrubReceivedEvent(once)).toEqual(once);
    expect(once.userId).toBe("alice");
    expect(once.metadata).toMatchObject({ order: 42 });
    expect(once.tags).toMatchObject({ region: "eu" });
  });
});
